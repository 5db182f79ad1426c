// PEP 508 specifiers, hash specs and `pip install` command lines (src/catalog/python/pep508.h,
// pip_install.h), shared by every Python cataloger.
#include "catalog/python/pep508.h"
#include "catalog/python/pip_install.h"
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
  (void)EggName(text);
  (void)ParseHashSpec(text);
  for (const auto& pip : FindPipInstalls(text)) AISEC_FUZZ_CHECK(pip.offset <= text.size());
  return 0;
}
