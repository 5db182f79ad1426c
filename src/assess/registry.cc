// The table of every assessor, in the order they run. A new assessor is one file and one row.
#include "assess/assessor.h"

namespace aisec::assess {

Status ShadowAi(Context& ctx);
Status Licenses(Context& ctx);
Status ModelSecurity(Context& ctx);

namespace {

const Assessor kAssessors[] = {
    {.name = "shadow-ai", .run = ShadowAi},
    {.name = "licenses", .run = Licenses},
    {.name = "model-security", .run = ModelSecurity},
};

}  // namespace

std::span<const Assessor> Registry() { return kAssessors; }

}  // namespace aisec::assess
