// The small parsers of the standard-format reporters (src/report/bom_common.h): RFC 3339 times,
// byte offsets, service endpoint hosts, hash algorithm names and the choice of how licences are
// written, all of which see text from scanned files.
#include "core/strings.h"
#include "fuzz_input.h"
#include "report/bom_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aisec::report;
  std::string_view text = aisec::fuzz::AsText(data, size);
  aisec::Component c;
  c.licenses = {std::string(text), "MIT"};
  LicenseChoice choice = ChooseLicense(c);
  AISEC_FUZZ_CHECK(choice.kind != LicenseChoice::Kind::kNone);
  AISEC_FUZZ_CHECK(choice.kind == LicenseChoice::Kind::kNames || !choice.text.empty());
  if (auto t = UtcTimestamp(text)) AISEC_FUZZ_CHECK(t->size() == 20 && UtcTimestamp(*t) == *t);
  (void)ParseOffset(text);
  (void)CycloneDxHashAlgorithm(text);
  (void)SpdxHashAlgorithm(text);
  aisec::Component service;
  service.kind = aisec::ComponentKind::kService;
  service.properties["aisec:endpoint"] = std::string(text);
  (void)CrossesTrustBoundary(service);
  return 0;
}
