#include "catalog/python/json_lines.h"

#include <nlohmann/json.hpp>

namespace aisec::catalog::python {
namespace {

size_t SkipSpace(std::string_view text, size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
    ++i;
  }
  return i;
}

}  // namespace

std::string JsonQuote(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

size_t JsonCursor::FindKey(std::string_view key, char value_start) {
  if (lost_) return std::string_view::npos;
  const std::string encoded = JsonQuote(key);
  for (size_t at = text_.find(encoded, pos_); at != std::string_view::npos;
       at = text_.find(encoded, at + 1)) {
    size_t i = SkipSpace(text_, at + encoded.size());
    if (i >= text_.size() || text_[i] != ':') continue;
    i = SkipSpace(text_, i + 1);
    if (value_start == 0 || (i < text_.size() && text_[i] == value_start)) {
      pos_ = at + encoded.size();
      return at;
    }
  }
  lost_ = true;
  return std::string_view::npos;
}

size_t JsonCursor::FindString(std::string_view value, size_t window) {
  if (lost_) return std::string_view::npos;
  const std::string encoded = JsonQuote(value);
  size_t at = text_.substr(pos_, window + encoded.size()).find(encoded);
  if (at == std::string_view::npos) {
    lost_ = true;
    return at;
  }
  at += pos_;
  pos_ = at + encoded.size();
  return at;
}

}  // namespace aisec::catalog::python
