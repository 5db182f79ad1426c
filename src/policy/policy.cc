#include "policy/policy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/glob.h"
#include "core/parse.h"

namespace aisec::policy {
namespace {

Result<std::string> ReadText(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(std::string("cannot open ") + what + " " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<Action> ParseAction(const std::string& s) {
  if (s == "fail") return Action::kFail;
  if (s == "warn") return Action::kWarn;
  if (s == "ignore") return Action::kIgnore;
  return std::nullopt;
}

bool Exempt(const Exemption& e, const Finding& f, const std::string& today) {
  if (!e.expires.empty() && e.expires < today) return false;
  if (!e.fingerprint.empty() && e.fingerprint != f.fingerprint) return false;
  if (!e.rule_glob.empty() && !GlobMatch(e.rule_glob, f.rule_id)) return false;
  if (!e.component.empty() && !GlobMatch(e.component, f.component_ref)) return false;
  if (!e.path_glob.empty()) {
    bool any = std::any_of(f.evidence.begin(), f.evidence.end(),
                           [&](const Evidence& ev) { return GlobMatch(e.path_glob, ev.location.path); });
    if (!any) return false;
  }
  return true;
}

}  // namespace

Result<Policy> ParsePolicy(std::string_view yaml, const std::string& path) {
  auto doc = ParseYaml(yaml, path);
  if (!doc.ok()) return doc.error();
  Policy policy;
  try {
    if (!doc->IsMap()) return Status::Invalid(path + ": a policy is a YAML mapping");
    for (const auto& kv : *doc) {
      std::string key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      if (key == "version") continue;
      if (key == "fail_on") {
        auto sev = ParseSeverity(v.as<std::string>(""));
        if (!sev) return Status::Invalid(path + ": fail_on must be info, low, medium, high or critical");
        policy.fail_on = *sev;
      } else if (key == "rules") {
        if (!v.IsMap()) return Status::Invalid(path + ": rules must map rule ids to fail, warn or ignore");
        for (const auto& r : v) {
          auto action = ParseAction(r.second.as<std::string>(""));
          if (!action) return Status::Invalid(path + ": rule " + r.first.as<std::string>() + ": use fail, warn or ignore");
          policy.rules.push_back({r.first.as<std::string>(), *action});
        }
      } else if (key == "exemptions") {
        if (!v.IsSequence()) return Status::Invalid(path + ": exemptions must be a list");
        for (const auto& e : v) {
          Exemption ex{e["rule"].as<std::string>(""), e["path"].as<std::string>(""),
                       e["component"].as<std::string>(""), e["fingerprint"].as<std::string>(""),
                       e["reason"].as<std::string>(""), e["expires"].as<std::string>("")};
          if (ex.reason.empty()) return Status::Invalid(path + ": every exemption needs a reason");
          if (ex.rule_glob.empty() && ex.path_glob.empty() && ex.component.empty() && ex.fingerprint.empty()) {
            return Status::Invalid(path + ": an exemption must name a rule, path, component or fingerprint");
          }
          policy.exemptions.push_back(std::move(ex));
        }
      } else {
        return Status::Invalid(path + ": unknown key '" + key + "'");
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Invalid(path + ": " + e.what());
  }
  return policy;
}

Result<Policy> LoadPolicy(const std::string& path, const std::string& baseline_path) {
  Policy policy;
  if (!path.empty()) {
    auto text = ReadText(path, "policy file");
    if (!text.ok()) return text.error();
    auto parsed = ParsePolicy(*text, path);
    if (!parsed.ok()) return parsed.error();
    policy = std::move(parsed).value();
  }
  if (!baseline_path.empty()) {
    auto text = ReadText(baseline_path, "baseline");
    if (!text.ok()) return text.error();
    auto doc = ParseJson(*text, baseline_path);
    if (!doc.ok()) return Status::Invalid("baseline " + baseline_path + ": " + doc.error().message);
    if (!doc->is_object() || !doc->contains("findings") || !(*doc)["findings"].is_array()) {
      return Status::Invalid("baseline " + baseline_path + " is not an aisec JSON report");
    }
    for (const auto& f : (*doc)["findings"]) {
      if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string()) {
        policy.baseline.push_back(f["fingerprint"].get<std::string>());
      }
    }
    std::sort(policy.baseline.begin(), policy.baseline.end());
  }
  return policy;
}

void Apply(const Policy& policy, ScanResult& result, const std::string& today) {
  result.exit_code = 0;
  std::vector<Finding> kept;
  kept.reserve(result.findings.size());
  for (auto& f : result.findings) {
    Action action = f.severity >= policy.fail_on ? Action::kFail : Action::kWarn;
    for (const auto& r : policy.rules) {
      if (GlobMatch(r.rule_glob, f.rule_id)) {
        action = r.action;
        break;
      }
    }
    bool exempt = std::any_of(policy.exemptions.begin(), policy.exemptions.end(),
                              [&](const Exemption& e) { return Exempt(e, f, today); });
    if (action == Action::kIgnore || exempt) {
      ++result.stats.findings_suppressed;
      continue;
    }
    if (std::binary_search(policy.baseline.begin(), policy.baseline.end(), f.fingerprint)) {
      f.properties["aisec:policy"] = "baseline";
    } else {
      f.properties["aisec:policy"] = action == Action::kFail ? "fail" : "warn";
      if (action == Action::kFail) result.exit_code = 1;
    }
    kept.push_back(std::move(f));
  }
  result.findings = std::move(kept);
}

}  // namespace aisec::policy
