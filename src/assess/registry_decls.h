#pragma once
// Entry points of every assessor, one per file. Only registry.cc and the tests include this.
#include "assess/assessor.h"

namespace aisec::assess {

Status AssessVulnerabilities(Context& ctx);  // vulnerabilities.cc
Status AssessMalicious(Context& ctx);        // malicious.cc
Status AssessTyposquats(Context& ctx);       // typosquat.cc

}  // namespace aisec::assess
