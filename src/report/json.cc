// aisec's own JSON document. The shape is versioned and documented in docs/json-schema.md;
// a change that removes or renames a field bumps schema_version.
#include <nlohmann/json.hpp>

#include "report/formats.h"
#include "report/json_fields.h"
#include "report/reporter.h"

namespace aisec::report {

using nlohmann::json;

std::string RenderJson(const ScanResult& r, const RenderOptions&) {
  json doc;
  doc["schema_version"] = kJsonSchemaVersion;
  doc["tool"] = {{"name", r.tool_name}, {"version", r.tool_version}};
  doc["root"] = r.root;
  doc["started_at"] = r.started_at;
  doc["finished_at"] = r.finished_at;
  doc["summary"] = SummaryJson(r);
  json comps = json::array();
  for (const auto& c : r.components) comps.push_back(ComponentJson(c));
  doc["components"] = std::move(comps);
  json rels = json::array();
  for (const auto& rel : r.relations) {
    rels.push_back({{"from", rel.from}, {"to", rel.to}, {"kind", RelationKindName(rel.kind)}});
  }
  doc["relations"] = std::move(rels);
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back(FindingJson(f));
  doc["findings"] = std::move(findings);
  json warnings = json::array();
  for (const auto& w : r.warnings) {
    json jw = LocationJson(w.location);
    jw["message"] = w.message;
    jw["source"] = w.source;
    warnings.push_back(std::move(jw));
  }
  doc["warnings"] = std::move(warnings);
  doc["stats"] = {{"files_seen", r.stats.files_seen},
                  {"files_cataloged", r.stats.files_cataloged},
                  {"bytes_read", r.stats.bytes_read},
                  {"entries_skipped", r.stats.dirs_skipped},
                  {"findings_suppressed", r.stats.findings_suppressed},
                  {"seconds", r.stats.seconds}};
  doc["exit_code"] = r.exit_code;
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace aisec::report
