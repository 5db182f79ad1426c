#pragma once
// Arguments of the protocol-0 text opcodes (INT, LONG, FLOAT, STRING, UNICODE, GET, PUT),
// decoded the way CPython's unpickler decodes them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aisec::formats::pickle {

struct TextInt {
  int64_t value = 0;
  bool big = false;  // does not fit in int64
};

// int(text, 0) when `any_base` (INT, LONG: 0x/0o/0b prefixes, underscores), else int(text, 10).
std::optional<TextInt> ParseTextInt(std::string_view text, bool any_base);
// float(text).
bool IsTextFloat(std::string_view text);
// The STRING argument: a quoted literal with Python 2 escapes. nullopt when not quoted or a
// \x escape is broken.
std::optional<std::string> DecodeStringLiteral(std::string_view line);
// The UNICODE argument (raw-unicode-escape), as UTF-8. nullopt on a broken \u escape.
std::optional<std::string> DecodeRawUnicodeEscape(std::string_view line);

}  // namespace aisec::formats::pickle
