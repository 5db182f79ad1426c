// The table of every output format. A new format is one file and one row.
#include "report/reporter.h"

namespace aisec::report {

std::string RenderTable(const ScanResult& result, const RenderOptions& options);
std::string RenderJson(const ScanResult& result, const RenderOptions& options);

namespace {

const Reporter kReporters[] = {
    {"table", "human-readable summary grouped by AI category", RenderTable},
    {"json", "aisec's own JSON document (docs/json-schema.md)", RenderJson},
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
