#pragma once
// nlohmann::json keeps no positions, so evidence lines for JSON manifests come from a second,
// cheap pass over the text: the line of every object key, addressed by its JSON pointer
// (RFC 6901: "/require/openai-php~1client", "/packages/3/name"). Run it on text that parsed.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace aisec::catalog {

class JsonKeyLines {
 public:
  // Keys past `max_keys` are not recorded (their lines read as 0).
  explicit JsonKeyLines(std::string_view text, size_t max_keys = 1'000'000);
  // 1-based line of the key at `pointer`, 0 when unknown.
  uint32_t Line(const std::string& pointer) const;
  // Pointer of an object member: parent + "/" + escaped key.
  static std::string Member(std::string_view parent, std::string_view key);

 private:
  std::unordered_map<std::string, uint32_t> lines_;
};

}  // namespace aisec::catalog
