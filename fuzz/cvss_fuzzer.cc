// CVSS vectors (src/assess/cvss/): v3.0, v3.1 and v4.0 base scores from any text. A score that
// is computed lies in 0..10, and both version-specific entry points agree with the dispatcher.
#include "assess/cvss/cvss.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aisec::assess::cvss;
  std::string_view text = aisec::fuzz::AsText(data, size);
  auto score = BaseScore(text);
  if (score.ok()) {
    AISEC_FUZZ_CHECK(*score >= 0.0 && *score <= 10.0);
    (void)SeverityForScore(*score);
  }
  auto v3 = Cvss3BaseScore(text);
  if (v3.ok()) AISEC_FUZZ_CHECK(*v3 >= 0.0 && *v3 <= 10.0);
  auto v4 = Cvss4BaseScore(text);
  if (v4.ok()) AISEC_FUZZ_CHECK(*v4 >= 0.0 && *v4 <= 10.0);
  if (score.ok()) AISEC_FUZZ_CHECK((v3.ok() && *v3 == *score) || (v4.ok() && *v4 == *score));
  std::string prefix;
  (void)SplitVector(text, &prefix);
  return 0;
}
