// The table of every cataloger. A new format is one new file and one row here.
#include "catalog/registry_decls.h"

namespace aisec::catalog {
namespace {

constexpr std::string_view kRequirementsGlobs[] = {"requirements*.txt", "requirements*.in",
                                                   "*-requirements.txt"};

constexpr std::string_view kNotebookGlobs[] = {"*.ipynb"};
constexpr std::string_view kTerraformGlobs[] = {"*.tf"};

const Cataloger kCatalogers[] = {
    {.name = "code/source", .run = code::SourceCode, .claims_path = code::ClaimsSourceCode},
    {.name = "code/notebook", .globs = kNotebookGlobs, .run = code::NotebookCode},
    {.name = "code/config", .run = code::ConfigFile, .claims_path = code::ClaimsConfigFile},
    {.name = "iac/container-images", .run = iac::ContainerImages, .claims_path = iac::ClaimsContainerImages},
    {.name = "iac/terraform", .globs = kTerraformGlobs, .run = iac::Terraform},
    {.name = "mcp/config", .run = mcp::McpConfig, .claims_path = mcp::ClaimsMcpConfig},
    {.name = "python/requirements", .globs = kRequirementsGlobs, .run = python::RequirementsTxt},
};

}  // namespace

std::span<const Cataloger> Registry() { return kCatalogers; }

}  // namespace aisec::catalog
