#pragma once
// JSON forms of the core types, shared by the reporters that emit JSON (json, sarif, …) so that
// a location or a finding is spelled the same way everywhere.
#include <nlohmann/json.hpp>

#include "core/scan_result.h"

namespace aisec::report {

inline constexpr int kJsonSchemaVersion = 1;

nlohmann::json LocationJson(const Location& loc);
nlohmann::json EvidenceJson(const Evidence& e);
nlohmann::json ComponentJson(const Component& c);
nlohmann::json FindingJson(const Finding& f);
// Counts: components, AI components per category, findings per severity, warnings.
nlohmann::json SummaryJson(const ScanResult& r);

}  // namespace aisec::report
