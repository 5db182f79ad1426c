// The human-readable summary: AI components grouped by category, then the other dependencies
// summarised per ecosystem, then findings and warnings.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "catalog/ai_catalog.h"
#include "core/strings.h"
#include "report/formats.h"
#include "report/reporter.h"

namespace aisec::report {
namespace {

struct Style {
  bool color;
  std::string Bold(std::string_view s) const { return color ? fmt::format("\033[1m{}\033[0m", s) : std::string(s); }
  std::string Dim(std::string_view s) const { return color ? fmt::format("\033[2m{}\033[0m", s) : std::string(s); }
  std::string Sev(Severity sev) const {
    std::string_view name = SeverityName(sev);
    if (!color) return std::string(name);
    const char* code = sev >= Severity::kHigh ? "31" : sev == Severity::kMedium ? "33" : "36";
    return fmt::format("\033[{}m{}\033[0m", code, name);
  }
};

// "*" for a package declared without a version; nothing where versions do not apply (agents,
// prompts, services, tools).
std::string VersionText(const Component& c) {
  if (!c.version.empty()) return c.version;
  if (!c.version_spec.empty()) return c.version_spec;
  return c.kind == ComponentKind::kLibrary ? "*" : "";
}

// Characters, not bytes: a UTF-8 continuation byte does not take a column.
size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

}  // namespace

std::string RenderTable(const ScanResult& r, const RenderOptions& options) {
  Style st{options.color};
  std::string out;
  std::map<std::string, std::vector<const Component*>> by_category;
  std::map<std::string, int> others;
  for (const auto& c : r.components) {
    if (c.ai) by_category[c.ai->category].push_back(&c);
    else if (c.kind == ComponentKind::kLibrary) ++others[c.ecosystem.empty() ? "other" : c.ecosystem];
  }
  size_t ai_total = 0;
  for (auto& [_, v] : by_category) ai_total += v.size();
  out += st.Bold(fmt::format("AI components: {}", ai_total)) + "\n";
  const auto& catalog = catalog::AiCatalog::Default();
  // Columns as wide as their longest cell, within limits; a longer cell pushes its row only.
  size_t widths[4] = {0, 0, 0, 0};
  auto cells = [](const Component& c) {
    return std::array<std::string, 4>{ForTerminal(c.name), ForTerminal(VersionText(c)),
                                      ForTerminal(c.ecosystem), ForTerminal(c.ai->provider)};
  };
  constexpr size_t kMaxWidth[4] = {48, 20, 12, 24};
  for (const auto& [_, comps] : by_category) {
    for (const Component* c : comps) {
      auto row = cells(*c);
      for (size_t i = 0; i < 4; ++i) widths[i] = std::max(widths[i], std::min(DisplayWidth(row[i]), kMaxWidth[i]));
    }
  }
  for (const auto& [cat, comps] : by_category) {
    const auto* info = catalog.Category(cat);
    out += fmt::format("\n  {} ({})\n", st.Bold(info ? info->title : cat), comps.size());
    for (const Component* c : comps) {
      std::string where = c->evidence.empty() ? "" : c->evidence.front().location.ToString();
      auto row = cells(*c);
      out += "   ";
      for (size_t i = 0; i < 4; ++i) {
        out += ' ' + row[i] + std::string(widths[i] - std::min(widths[i], DisplayWidth(row[i])), ' ');
      }
      out += ' ' + st.Dim(ForTerminal(where)) + '\n';
    }
  }
  int other_total = 0;
  for (auto& [_, n] : others) other_total += n;
  out += "\n" + st.Bold(fmt::format("Other dependencies: {}", other_total));
  if (!others.empty()) {
    std::string parts;
    for (const auto& [eco, n] : others) {
      parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", ForTerminal(eco), n);
    }
    out += " (" + parts + ")";
  }
  out += "\n";
  if (!r.findings.empty()) {
    out += "\n" + st.Bold(fmt::format("Findings: {}", r.findings.size())) + "\n";
    for (const auto& f : r.findings) {
      std::string where = f.evidence.empty() ? "" : f.evidence.front().location.ToString();
      out += fmt::format("  {:<8} {:<24} {} {}\n", st.Sev(f.severity), f.rule_id, ForTerminal(f.title),
                         st.Dim(ForTerminal(where)));
    }
  }
  if (!r.warnings.empty()) {
    out += "\n" + st.Bold(fmt::format("Warnings: {}", r.warnings.size())) + "\n";
    for (const auto& w : r.warnings) {
      out += fmt::format("  {}: {}\n", ForTerminal(w.location.ToString()), ForTerminal(w.message));
    }
  }
  out += st.Dim(fmt::format("\nScanned {} files ({} cataloged) in {:.2f}s\n", r.stats.files_seen,
                            r.stats.files_cataloged, r.stats.seconds));
  return out;
}

}  // namespace aisec::report
