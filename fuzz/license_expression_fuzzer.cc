// SPDX licence expressions and licence names (src/assess/license/): parsing, printing what
// parsed, alias lookup and classification all take text from manifests and model cards.
#include "assess/license/classifier.h"
#include "assess/license/expression.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aisec::assess::license;
  std::string_view text = aisec::fuzz::AsText(data, size);
  if (auto expr = ParseExpression(text); expr.ok()) {
    // The canonical text of an expression is itself an expression.
    AISEC_FUZZ_CHECK(ParseExpression(expr->ToString()).ok());
  }
  (void)NormalizeLicenseId(text);
  (void)Classify(text);
  return 0;
}
