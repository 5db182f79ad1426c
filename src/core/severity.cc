#include "core/severity.h"

#include <array>

namespace aisec {
namespace {
constexpr std::array<std::string_view, 5> kNames = {"info", "low", "medium", "high", "critical"};
}

std::string_view SeverityName(Severity s) { return kNames[static_cast<size_t>(s)]; }

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Severity>(i);
  }
  if (name == "moderate") return Severity::kMedium;
  if (name == "none") return Severity::kInfo;
  return std::nullopt;
}

}  // namespace aisec
