#pragma once
// nlohmann::json keeps no source positions. Lock files and notebooks are written by tools with
// one key per line, so the line of a value is recovered by searching the text for its encoded
// key, moving forward from a known offset.
#include <cstddef>
#include <string_view>

namespace aisec::catalog::python {

// Offset of the first `"key"` at or after `from` that is followed by ':' and then by `value_start`
// (e.g. '{' or '['; 0 accepts any value), skipping whitespace; npos when absent.
size_t FindJsonKey(std::string_view text, std::string_view key, size_t from, char value_start = 0);

}  // namespace aisec::catalog::python
