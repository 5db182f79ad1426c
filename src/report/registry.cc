// The table of every output format. A new format is one file, one declaration in formats.h and
// one row here.
#include "report/formats.h"
#include "report/reporter.h"

namespace aisec::report {
namespace {

const Reporter kReporters[] = {
    {"table", "human-readable summary grouped by AI category", RenderTable},
    {"json", "aisec's own JSON document (docs/json-schema.md)", RenderJson},
    {"cyclonedx", "CycloneDX 1.6 JSON AI-BOM: components, models, datasets, services, vulnerabilities",
     RenderCycloneDx},
    {"spdx", "SPDX 3.0.1 JSON-LD with the AI and Dataset profiles", RenderSpdx},
    {"sarif", "SARIF 2.1.0 log of the findings, for code-scanning tools", RenderSarif},
};

}  // namespace

std::span<const Reporter> Registry() { return kReporters; }

const Reporter* Find(std::string_view name) {
  for (const auto& r : kReporters) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace aisec::report
