#include "catalog/python/json_lines.h"

#include <nlohmann/json.hpp>

namespace aisec::catalog::python {
namespace {

size_t SkipSpace(std::string_view text, size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  return i;
}

}  // namespace

size_t FindJsonKey(std::string_view text, std::string_view key, size_t from, char value_start) {
  const std::string encoded = nlohmann::json(std::string(key)).dump();
  for (size_t at = text.find(encoded, from); at != std::string_view::npos;
       at = text.find(encoded, at + 1)) {
    size_t i = SkipSpace(text, at + encoded.size());
    if (i >= text.size() || text[i] != ':') continue;
    i = SkipSpace(text, i + 1);
    if (value_start == 0 || (i < text.size() && text[i] == value_start)) return at;
  }
  return std::string_view::npos;
}

}  // namespace aisec::catalog::python
