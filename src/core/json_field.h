#pragma once
// One member of a parsed JSON object whose types the file does not guarantee.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace aisec {

// The member `key` of `obj` when it is a string, else `fallback` (absent, or of another type:
// nlohmann's value() would throw there).
inline std::string JsonString(const nlohmann::json& obj, std::string_view key,
                              std::string fallback = {}) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::move(fallback);
}

}  // namespace aisec
