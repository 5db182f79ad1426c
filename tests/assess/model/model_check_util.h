#pragma once
// Runs one model-file check over a fixture the way `aisec models` does.
#include <algorithm>
#include <filesystem>
#include <string>

#include "assess/model/model_check.h"
#include "core/strings.h"

namespace aisec::testing {

struct CheckRun {
  assess::model::ModelReport report;
  uint64_t bytes_read = 0;  // by the check itself

  bool Has(const std::string& rule_id) const {
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const Finding& f) { return f.rule_id == rule_id; });
  }
  const Finding* Get(const std::string& rule_id) const {
    for (const auto& f : report.findings) {
      if (f.rule_id == rule_id) return &f;
    }
    return nullptr;
  }
  Severity MaxSeverity() const {
    Severity s = Severity::kInfo;
    for (const auto& f : report.findings) s = std::max(s, f.severity);
    return s;
  }
  std::string Rules() const {
    std::vector<std::string> ids;
    for (const auto& f : report.findings) ids.push_back(f.rule_id);
    return Join(ids, " ");
  }
};

inline CheckRun RunModelCheck(void (*run)(assess::model::ModelFile&, assess::model::ModelReport&),
                              const std::filesystem::path& root, const std::string& rel) {
  source::SourceFile sf{rel, root / rel};
  source::FileReader reader;
  uint64_t size = reader.Size(sf).ok() ? *reader.Size(sf) : 0;
  auto head = reader.ReadRange(sf, 0, 4096);
  std::string head_bytes = head.ok() ? *head : std::string();
  assess::model::ModelFile file{sf, reader, size, head_bytes};
  CheckRun out;
  out.report.path = rel;
  out.report.size = size;
  uint64_t before = reader.bytes_read();
  run(file, out.report);
  out.bytes_read = reader.bytes_read() - before;
  return out;
}

}  // namespace aisec::testing
