// The table of every assessor, in the order they run. A new assessor is one file and one row.
#include "assess/assessor.h"
#include "assess/registry_decls.h"

namespace aisec::assess {

Status ShadowAi(Context& ctx);
Status Licenses(Context& ctx);
Status ModelSecurity(Context& ctx);

namespace {

const Assessor kAssessors[] = {
    {.name = "shadow-ai", .run = ShadowAi},
    {.name = "licenses", .run = Licenses},
    {.name = "model-security", .run = ModelSecurity},
    {.name = "vulnerabilities", .run = AssessVulnerabilities},
    {.name = "malicious", .run = AssessMalicious},
    {.name = "typosquat", .run = AssessTyposquats},
};

}  // namespace

std::span<const Assessor> Registry() { return kAssessors; }

}  // namespace aisec::assess
