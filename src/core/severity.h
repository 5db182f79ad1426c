#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace aisec {

enum class Severity : uint8_t { kInfo = 0, kLow, kMedium, kHigh, kCritical };

std::string_view SeverityName(Severity s);  // "info" … "critical"
std::optional<Severity> ParseSeverity(std::string_view name);

}  // namespace aisec
