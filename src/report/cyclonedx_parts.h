#pragma once
// Pieces of the CycloneDX document that have their own files (report/cyclonedx.cc assembles
// them). Property conventions: report/formats.h.
#include <nlohmann/json.hpp>

#include "report/bom_common.h"

namespace aisec::report {

// modelCard of a kModel component; empty when nothing is known about the model.
nlohmann::ordered_json ModelCard(const Component& model, const BomGraph& g, const ScanResult& r);
// `data` entries of a kData component.
nlohmann::ordered_json DataEntries(const Component& data);
// `vulnerabilities`: one per distinct aisec:vuln:id, affecting each component it was found on.
nlohmann::ordered_json Vulnerabilities(const ScanResult& r, const BomGraph& g);

}  // namespace aisec::report
