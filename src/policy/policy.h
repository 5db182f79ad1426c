#pragma once
// The policy stage: decides which findings fail the build.
#include <string>

#include "core/result.h"
#include "core/scan_result.h"
#include "core/severity.h"

namespace aisec::policy {

struct Policy {
  Severity fail_on = Severity::kHigh;  // findings at or above this fail
};

// Loads a policy file (YAML: `fail_on: high`). An empty path gives the default policy.
Result<Policy> LoadPolicy(const std::string& path);

// Marks each finding "fail" or "warn" (property aisec:policy) and sets result.exit_code.
void Apply(const Policy& policy, ScanResult& result);

}  // namespace aisec::policy
