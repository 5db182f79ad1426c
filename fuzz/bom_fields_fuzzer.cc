// The small parsers of the standard-format reporters (src/report/bom_common.h): SPDX licence
// expressions, RFC 3339 times, byte offsets, service endpoint hosts and hash algorithm names, all
// of which come from scanned files.
#include "core/strings.h"
#include "fuzz_input.h"
#include "report/bom_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aisec::report;
  std::string_view text = aisec::fuzz::AsText(data, size);
  bool expression = IsLicenseExpression(text);
  auto joined = LicenseExpression({std::string(text), "MIT"});
  AISEC_FUZZ_CHECK(joined.has_value() == expression);
  if (auto t = UtcTimestamp(text)) AISEC_FUZZ_CHECK(t->size() == 20 && UtcTimestamp(*t) == *t);
  (void)ParseOffset(text);
  (void)CycloneDxHashAlgorithm(text);
  (void)SpdxHashAlgorithm(text);
  aisec::Component service;
  service.kind = aisec::ComponentKind::kService;
  service.properties["aisec:service:endpoints"] = std::string(text);
  (void)CrossesTrustBoundary(service);
  return 0;
}
