#include "report/json_fields.h"

#include <map>

namespace aisec::report {

using nlohmann::json;

json LocationJson(const Location& loc) {
  json j = {{"path", loc.path}};
  if (loc.line) j["line"] = loc.line;
  if (loc.column) j["column"] = loc.column;
  if (loc.end_line) j["end_line"] = loc.end_line;
  return j;
}

json EvidenceJson(const Evidence& e) {
  json j = LocationJson(e.location);
  j["method"] = EvidenceMethodName(e.method);
  if (!e.snippet.empty()) j["snippet"] = e.snippet;
  if (!e.version_spec.empty()) j["version_spec"] = e.version_spec;
  return j;
}

json ComponentJson(const Component& c) {
  json j = {{"ref", c.Key()},
            {"kind", ComponentKindName(c.kind)},
            {"name", c.name},
            {"scope", ScopeName(c.scope)}};
  if (!c.version.empty()) j["version"] = c.version;
  if (!c.version_spec.empty()) j["version_spec"] = c.version_spec;
  if (!c.purl.empty()) j["purl"] = c.purl;
  if (!c.ecosystem.empty()) j["ecosystem"] = c.ecosystem;
  if (c.dev) j["dev"] = true;
  if (c.ai) {
    json ai = {{"category", c.ai->category}};
    if (!c.ai->provider.empty()) ai["provider"] = c.ai->provider;
    if (!c.ai->model_family.empty()) ai["model_family"] = c.ai->model_family;
    if (!c.ai->task.empty()) ai["task"] = c.ai->task;
    j["ai"] = std::move(ai);
  }
  if (!c.licenses.empty()) j["licenses"] = c.licenses;
  if (!c.hashes.empty()) {
    json hs = json::array();
    for (const auto& h : c.hashes) hs.push_back({{"algorithm", h.algorithm}, {"value", h.value}});
    j["hashes"] = std::move(hs);
  }
  if (!c.properties.empty()) j["properties"] = c.properties;
  json ev = json::array();
  for (const auto& e : c.evidence) {
    ev.push_back(EvidenceJson(e));
    // Shown on the evidence only where a manifest declared another range than the component's.
    if (e.version_spec == c.version_spec) ev.back().erase("version_spec");
  }
  j["evidence"] = std::move(ev);
  j["confidence"] = c.confidence;
  return j;
}

json FindingJson(const Finding& f) {
  json j = {{"rule_id", f.rule_id},
            {"title", f.title},
            {"severity", SeverityName(f.severity)},
            {"confidence", f.confidence},
            {"fingerprint", f.fingerprint}};
  if (!f.component_ref.empty()) j["component_ref"] = f.component_ref;
  if (!f.description.empty()) j["description"] = f.description;
  if (!f.remediation.empty()) j["remediation"] = f.remediation;
  if (!f.references.empty()) j["references"] = f.references;
  if (!f.frameworks.empty()) j["frameworks"] = f.frameworks;
  if (!f.properties.empty()) j["properties"] = f.properties;
  json ev = json::array();
  for (const auto& e : f.evidence) ev.push_back(EvidenceJson(e));
  j["evidence"] = std::move(ev);
  return j;
}

json SummaryJson(const ScanResult& r) {
  std::map<std::string, int> by_category;
  int ai = 0;
  for (const auto& c : r.components) {
    if (c.ai) {
      ++ai;
      ++by_category[c.ai->category];
    }
  }
  std::map<std::string, int> by_severity;
  for (const auto& f : r.findings) ++by_severity[std::string(SeverityName(f.severity))];
  return {{"components", r.components.size()},   {"ai_components", ai},
          {"ai_by_category", by_category},       {"findings", r.findings.size()},
          {"findings_by_severity", by_severity}, {"warnings", r.warnings.size()}};
}

}  // namespace aisec::report
