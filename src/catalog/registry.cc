// The table of every cataloger. A new format is one new file and one row here.
#include "catalog/registry_decls.h"

namespace aisec::catalog {
namespace {

constexpr std::string_view kRequirementsGlobs[] = {"requirements*.txt", "requirements*.in",
                                                   "*-requirements.txt"};

const Cataloger kCatalogers[] = {
    {.name = "python/requirements", .globs = kRequirementsGlobs, .run = python::RequirementsTxt},
};

}  // namespace

std::span<const Cataloger> Registry() { return kCatalogers; }

}  // namespace aisec::catalog
