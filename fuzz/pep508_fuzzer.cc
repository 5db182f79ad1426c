// PEP 508 specifiers and `pip install` argument lists (src/catalog/python/pep508.h), shared by
// every Python cataloger.
#include "catalog/python/pep508.h"
#include "core/purl.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = aisec::fuzz::AsText(data, size);
  using namespace aisec::catalog::python;
  if (auto req = ParseRequirement(text)) {
    (void)PinnedVersion(req->specifier);
    aisec::Component c = MakePypiComponent(*req, aisec::Evidence{}, aisec::Scope::kDirect);
    AISEC_FUZZ_CHECK(c.purl.empty() || aisec::Purl::Parse(c.purl).ok());
  }
  for (const auto& req : ParsePipInstallArgs(text)) (void)PinnedVersion(req.specifier);
  return 0;
}
