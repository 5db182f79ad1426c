#pragma once
// nlohmann::json keeps no source positions. Lock files and notebooks are written by tools in
// document order with one member per line, so the line of a value is recovered by finding its
// encoded key or string again in the text, moving forward.
#include <cstddef>
#include <string>
#include <string_view>

namespace aisec::catalog::python {

// Searches a JSON text forward only. After a search fails the cursor is lost and every later
// search fails at once: hostile input (escaped keys, unsorted members) then costs at most one
// pass over the text, never one pass per value, and a lost position is reported as unknown
// rather than guessed.
class JsonCursor {
 public:
  explicit JsonCursor(std::string_view text) : text_(text) {}

  // Offset of the next `"key"` followed by ':' and then by `value_start` ('{', '[', or 0 for any
  // value), skipping whitespace; npos when absent. A hit moves the cursor past the key.
  size_t FindKey(std::string_view key, char value_start = 0);
  // Offset of `value` encoded as a JSON string within the next `window` bytes; npos when absent.
  // A hit moves the cursor past it.
  size_t FindString(std::string_view value, size_t window);

  bool lost() const { return lost_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  bool lost_ = false;
};

// `s` as a JSON string literal, quotes included, as json.dump and nlohmann write it.
std::string JsonQuote(std::string_view s);

}  // namespace aisec::catalog::python
