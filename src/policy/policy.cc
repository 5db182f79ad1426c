#include "policy/policy.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "core/parse.h"

namespace aisec::policy {

Result<Policy> LoadPolicy(const std::string& path) {
  Policy policy;
  if (path.empty()) return policy;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open policy file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  auto doc = ParseYaml(ss.str(), path);
  if (!doc.ok()) return doc.error();
  if (const YAML::Node fail_on = (*doc)["fail_on"]) {
    auto sev = ParseSeverity(fail_on.as<std::string>(""));
    if (!sev) return Status::Invalid(path + ": fail_on must be info, low, medium, high or critical");
    policy.fail_on = *sev;
  }
  return policy;
}

void Apply(const Policy& policy, ScanResult& result) {
  result.exit_code = 0;
  for (auto& f : result.findings) {
    bool fail = f.severity >= policy.fail_on;
    f.properties["aisec:policy"] = fail ? "fail" : "warn";
    if (fail) result.exit_code = 1;
  }
}

}  // namespace aisec::policy
