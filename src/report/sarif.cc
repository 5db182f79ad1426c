// SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for the findings, in the
// shape code-scanning services read: one rule per rule id with tags and a security-severity,
// one result per finding located relative to the scanned root (uriBaseId SRCROOT), and the
// scan's warnings as tool execution notifications.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/purl.h"
#include "core/strings.h"
#include "report/bom_common.h"
#include "report/formats.h"

namespace aisec::report {

using json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kBase = "SRCROOT";

std::string_view Level(Severity s) {
  if (s >= Severity::kHigh) return "error";
  if (s == Severity::kMedium) return "warning";
  return "note";
}

// The 0–10 scale code-scanning services sort by: a CVSS score when the finding has one, else a
// value inside the band of its severity (critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0).
double SecuritySeverity(const Finding& f) {
  std::string_view score = Prop(f.properties, "aisec:vuln:score");
  double v = 0;
  auto [end, ec] = std::from_chars(score.data(), score.data() + score.size(), v);
  if (!score.empty() && ec == std::errc() && end == score.data() + score.size() && v >= 0 && v <= 10) {
    return v;
  }
  static constexpr double kBySeverity[] = {0.0, 3.0, 5.5, 8.0, 9.5};
  return kBySeverity[static_cast<size_t>(f.severity)];
}

// cwe -> the "external/cwe/cwe-N" tags code-scanning services link; any other framework as
// "framework/ID".
std::vector<std::string> Tags(const Finding& f) {
  std::vector<std::string> tags = {"security"};
  for (const auto& [framework, ids] : f.frameworks) {
    for (const auto& id : ids) {
      if (framework == "cwe") tags.push_back("external/cwe/" + ToLower(id));
      else tags.push_back(framework + "/" + id);
    }
  }
  return tags;
}

json PhysicalLocation(const Location& loc, std::optional<uint64_t> byte_offset) {
  json pl = {{"artifactLocation",
              {{"uri", PercentEncode(loc.path, /*keep_slash=*/true)}, {"uriBaseId", kBase}}}};
  json region = json::object();
  if (loc.line) {
    region["startLine"] = loc.line;
    if (loc.column) region["startColumn"] = loc.column;
    if (loc.end_line >= loc.line) region["endLine"] = loc.end_line;
  }
  if (byte_offset) region["byteOffset"] = *byte_offset;
  if (!region.empty()) pl["region"] = std::move(region);
  return {{"physicalLocation", std::move(pl)}};
}

// Where a finding is: its own evidence, else where its component was seen.
std::vector<Location> FindingLocations(const Finding& f, const ScanResult& r, const BomGraph& g) {
  std::vector<Location> out;
  for (const auto& e : f.evidence) {
    if (!e.location.path.empty() && std::find(out.begin(), out.end(), e.location) == out.end()) {
      out.push_back(e.location);
    }
  }
  if (out.empty()) {
    if (auto idx = g.Find(f.component_ref)) {
      const auto& ev = r.components[*idx].evidence;
      if (!ev.empty() && !ev.front().location.path.empty()) out.push_back(ev.front().location);
    }
  }
  return out;
}

struct RuleInfo {
  std::vector<const Finding*> findings;
};

json Rule(const std::string& id, const RuleInfo& info) {
  const Finding& first = *info.findings.front();
  auto common = [&](std::string Finding::*field) {
    for (const Finding* f : info.findings) {
      if (f->*field != first.*field) return std::string();
    }
    return first.*field;
  };
  std::string title = common(&Finding::title);
  json rule = {{"id", id}, {"shortDescription", {{"text", title.empty() ? id : title}}}};
  if (std::string d = common(&Finding::description); !d.empty()) rule["fullDescription"] = {{"text", d}};
  if (std::string help = common(&Finding::remediation); !help.empty()) rule["help"] = {{"text", help}};
  Severity worst = Severity::kInfo;
  double score = 0;
  std::set<std::string> tags;
  for (const Finding* f : info.findings) {
    worst = std::max(worst, f->severity);
    score = std::max(score, SecuritySeverity(*f));
    for (auto& t : Tags(*f)) tags.insert(std::move(t));
  }
  rule["defaultConfiguration"] = {{"level", Level(worst)}};
  rule["properties"] = {{"tags", std::vector<std::string>(tags.begin(), tags.end())},
                        {"security-severity", fmt::format("{:.1f}", score)}};
  return rule;
}

json ResultJson(const Finding& f, size_t rule_index, const std::string& rule_id, const ScanResult& r,
            const BomGraph& g) {
  std::string text = f.title.empty() ? rule_id : f.title;
  if (!f.component_ref.empty()) text += " (" + f.component_ref + ")";
  json res = {{"ruleId", rule_id}, {"ruleIndex", rule_index}, {"level", Level(f.severity)},
              {"message", {{"text", text}}}};
  std::vector<Location> where = FindingLocations(f, r, g);
  if (!where.empty()) {
    auto offset = ParseOffset(Prop(f.properties, "aisec:offset"));
    res["locations"] = json::array({PhysicalLocation(where.front(), offset)});
    json related = json::array();
    for (size_t i = 1; i < where.size(); ++i) {
      json loc = PhysicalLocation(where[i], std::nullopt);
      loc["id"] = i;
      related.push_back(std::move(loc));
    }
    if (!related.empty()) res["relatedLocations"] = std::move(related);
  }
  if (!f.fingerprint.empty()) res["partialFingerprints"] = {{"aisecFingerprint/v1", f.fingerprint}};
  json props = {{"severity", SeverityName(f.severity)},
                {"confidence", f.confidence},
                {"security-severity", fmt::format("{:.1f}", SecuritySeverity(f))}};
  if (!f.component_ref.empty()) props["component"] = f.component_ref;
  if (!f.references.empty()) props["references"] = f.references;
  for (const auto& [k, v] : f.properties) props[k] = v;
  res["properties"] = std::move(props);
  return res;
}

json Invocation(const ScanResult& r) {
  json inv = {{"executionSuccessful", true}, {"exitCode", r.exit_code}};
  if (auto t = UtcTimestamp(r.started_at)) inv["startTimeUtc"] = *t;
  if (auto t = UtcTimestamp(r.finished_at)) inv["endTimeUtc"] = *t;
  json notes = json::array();
  for (const auto& w : r.warnings) {
    json n = {{"level", "warning"}, {"message", {{"text", w.message.empty() ? "warning" : w.message}}}};
    if (!w.location.path.empty()) n["locations"] = json::array({PhysicalLocation(w.location, std::nullopt)});
    if (!w.source.empty()) n["descriptor"] = {{"id", w.source}};
    notes.push_back(std::move(n));
  }
  inv["toolExecutionNotifications"] = std::move(notes);
  return inv;
}

// file:///absolute/root/ — what SRCROOT stands for on the scanning machine.
std::optional<json> RootUri(const ScanResult& r) {
  if (r.root.empty()) return std::nullopt;
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(r.root, ec).lexically_normal();
  if (ec) return std::nullopt;
  std::string path = abs.generic_string();
  if (!path.ends_with('/')) path += '/';
  return json{{"uri", "file://" + PercentEncode(path, /*keep_slash=*/true)}};
}

}  // namespace

std::string RenderSarif(const ScanResult& r, const RenderOptions&) {
  BomGraph g = BuildGraph(r);
  std::vector<std::string> order;
  std::map<std::string, RuleInfo> rules;
  for (const auto& f : r.findings) {
    std::string id = SanitizeUtf8(f.rule_id.empty() ? "aisec" : f.rule_id);
    auto [it, added] = rules.try_emplace(id);
    if (added) order.push_back(id);
    it->second.findings.push_back(&f);
  }
  json driver = {{"name", r.tool_name.empty() ? "aisec" : r.tool_name}};
  if (!r.tool_version.empty()) driver["version"] = r.tool_version;
  json rule_list = json::array(), results = json::array();
  std::map<std::string, size_t> index;
  for (const auto& id : order) {
    index[id] = rule_list.size();
    rule_list.push_back(Rule(id, rules[id]));
  }
  driver["rules"] = std::move(rule_list);
  for (const auto& f : r.findings) {
    std::string id = SanitizeUtf8(f.rule_id.empty() ? "aisec" : f.rule_id);
    results.push_back(ResultJson(f, index[id], id, r, g));
  }
  json run = {{"tool", {{"driver", std::move(driver)}}}, {"invocations", json::array({Invocation(r)})}};
  if (auto root = RootUri(r)) run["originalUriBaseIds"] = {{kBase, *root}};
  run["results"] = std::move(results);
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace aisec::report
