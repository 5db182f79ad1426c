#include "formats/pickle/text.h"

#include <cstdlib>

#include "core/strings.h"

namespace aisec::formats::pickle {
namespace {

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

std::optional<uint32_t> Hex(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) {
    int d = DigitValue(c);
    if (d >= 16) return std::nullopt;
    v = v * 16 + static_cast<uint32_t>(d);
  }
  return v;
}

}  // namespace

std::optional<TextInt> ParseTextInt(std::string_view text, bool any_base) {
  std::string_view s = Trim(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (any_base && s.size() > 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) s.remove_prefix(2);
  }
  if (s.empty()) return std::nullopt;
  TextInt out;
  unsigned __int128 v = 0;
  bool prev_digit = false;
  for (char c : s) {
    if (c == '_' && any_base && prev_digit) {
      prev_digit = false;
      continue;
    }
    int d = DigitValue(c);
    if (d >= base) return std::nullopt;
    prev_digit = true;
    if (!out.big) {
      v = v * static_cast<unsigned>(base) + static_cast<unsigned>(d);
      if (v > static_cast<unsigned __int128>(INT64_MAX)) out.big = true;
    }
  }
  if (!prev_digit) return std::nullopt;
  if (!out.big) out.value = negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return out;
}

bool IsTextFloat(std::string_view text) {
  std::string s(Trim(text));
  if (s.empty() || s.size() > 512) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

std::optional<std::string> DecodeStringLiteral(std::string_view line) {
  if (line.size() < 2 || line.front() != line.back() || (line.front() != '\'' && line.front() != '"')) {
    return std::nullopt;
  }
  std::string_view s = line.substr(1, line.size() - 2);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': case '\'': case '"': out += c; break;
      case '\n': break;
      case 'x': {
        auto h = i + 2 < s.size() ? Hex(s.substr(i + 1, 2)) : std::nullopt;
        if (!h) return std::nullopt;
        out += static_cast<char>(*h);
        i += 2;
        break;
      }
      default:
        if (c >= '0' && c <= '7') {
          unsigned v = static_cast<unsigned>(c - '0');
          for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k) {
            v = v * 8 + static_cast<unsigned>(s[++i] - '0');
          }
          out += static_cast<char>(v & 0xff);
        } else {
          out += '\\';
          out += c;
        }
    }
  }
  return out;
}

std::optional<std::string> DecodeRawUnicodeEscape(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c != '\\') {
      AppendUtf8(c, out);  // every other byte is Latin-1
      ++i;
      continue;
    }
    // A run of backslashes escapes a following u/U only when its length is odd.
    size_t run = 0;
    while (i < line.size() && line[i] == '\\') {
      ++run;
      ++i;
    }
    bool escape = (run & 1) && i < line.size() && (line[i] == 'u' || line[i] == 'U');
    out.append(escape ? run - 1 : run, '\\');
    if (!escape) continue;
    size_t n = line[i] == 'u' ? 4 : 8;
    if (i + 1 + n > line.size()) return std::nullopt;
    auto cp = Hex(line.substr(i + 1, n));
    if (!cp || *cp > 0x10ffff) return std::nullopt;
    AppendUtf8(*cp, out);
    i += 1 + n;
  }
  return out;
}

}  // namespace aisec::formats::pickle
