#pragma once
// The policy stage: decides, per finding, whether it fails the build, only warns, or is ignored,
// from a policy file (docs/policy.md), exemptions and a baseline of accepted findings.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/scan_result.h"
#include "core/severity.h"

namespace aisec::policy {

enum class Action : uint8_t { kFail, kWarn, kIgnore };

struct RuleOverride {
  std::string rule_glob;  // "AISEC-LICENSE-*"
  Action action;
};

struct Exemption {
  std::string rule_glob;    // empty: any rule
  std::string path_glob;    // empty: any path (matched against every evidence path)
  std::string component;    // glob over the component ref; empty: any
  std::string fingerprint;  // exact; empty: any
  std::string reason;
  std::string expires;      // YYYY-MM-DD; an expired exemption no longer applies
};

struct Policy {
  Severity fail_on = Severity::kHigh;  // findings at or above this fail, unless a rule says otherwise
  std::vector<RuleOverride> rules;     // first matching override wins
  std::vector<Exemption> exemptions;
  std::vector<std::string> baseline;   // fingerprints accepted earlier (sorted)
};

// Loads a policy file; an empty path gives the default policy. Then adds the fingerprints of the
// findings in `baseline_path` (an aisec JSON report), when given.
Result<Policy> LoadPolicy(const std::string& path, const std::string& baseline_path = {});
Result<Policy> ParsePolicy(std::string_view yaml, const std::string& path);

// Sets each finding's property aisec:policy to fail, warn or baseline, removes ignored and
// exempted findings (counted in result.stats), and sets result.exit_code (1 when any fails).
// `today` (YYYY-MM-DD) decides whether exemptions have expired.
void Apply(const Policy& policy, ScanResult& result, const std::string& today);

}  // namespace aisec::policy
