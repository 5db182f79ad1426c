// The run summary of --verbose: what was read, where the time went, which compiled patterns
// and advisory database were used, what was found, and every warning. Written for a person
// reading stderr; the reports proper carry none of it.
#include <fmt/format.h>

#include <map>

#include "aisec/aisec.h"
#include "core/strings.h"

namespace aisec {
namespace {

std::string Bytes(uint64_t n) {
  if (n < 1024) return fmt::format("{} B", n);
  if (n < (uint64_t{1} << 20)) return fmt::format("{:.1f} KiB", static_cast<double>(n) / 1024);
  if (n < (uint64_t{1} << 30)) return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1 << 20));
  return fmt::format("{:.2f} GiB", static_cast<double>(n) / (1 << 30));
}

template <typename Map>
std::string Counts(const Map& counts) {
  std::string out;
  for (const auto& [name, n] : counts) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, name);
  return out;
}

}  // namespace

std::string RenderRunSummary(const ScanResult& r) {
  const ScanStats& s = r.stats;
  std::string out = fmt::format("aisec: read {} of {} files ({} cataloged), {} skipped by ignore rules, in {:.3f} s\n",
                                Bytes(s.bytes_read), s.files_seen, s.files_cataloged, s.dirs_skipped, s.seconds);
  if (!s.stages.empty()) {
    out += "aisec: stages:";
    for (size_t i = 0; i < s.stages.size(); ++i) {
      out += fmt::format("{} {} {:.3f} s", i == 0 ? "" : ",", s.stages[i].name, s.stages[i].seconds);
    }
    out += '\n';
  }
  out += fmt::format("aisec: compiled patterns: {} set(s) from the cache, {} compiled\n",
                     s.pattern_sets_cached, s.pattern_sets_compiled);
  if (!s.advisory_source.empty()) {
    out += fmt::format("aisec: advisories from {}\n", ForTerminal(s.advisory_source));
  }
  std::map<std::string_view, size_t> kinds;
  for (const auto& c : r.components) ++kinds[ComponentKindName(c.kind)];
  // Highest severity first.
  std::map<Severity, size_t, std::greater<>> severities;
  for (const auto& f : r.findings) ++severities[f.severity];
  std::string findings;
  for (const auto& [sev, n] : severities) {
    findings += fmt::format("{}{} {}", findings.empty() ? "" : ", ", n, SeverityName(sev));
  }
  out += fmt::format("aisec: {} component(s){}{}{}, {} finding(s){}{}{}, {} suppressed by the policy\n",
                     r.components.size(), kinds.empty() ? "" : " (", Counts(kinds), kinds.empty() ? "" : ")",
                     r.findings.size(), findings.empty() ? "" : " (", findings, findings.empty() ? "" : ")",
                     s.findings_suppressed);
  for (const auto& w : r.warnings) {
    std::string where = w.location.path;
    if (w.location.line > 0) where += fmt::format(":{}", w.location.line);
    out += fmt::format("aisec: warning: {}{}{}\n", ForTerminal(where), where.empty() ? "" : ": ",
                       ForTerminal(w.message));
  }
  return out;
}

}  // namespace aisec
