#include "catalog/code/lexer.h"

#include <algorithm>

namespace aisec::catalog::code {
namespace {

bool StartsAt(std::string_view text, size_t i, std::string_view token) {
  return text.compare(i, token.size(), token) == 0;
}

}  // namespace

RegionMap::RegionMap(std::string_view text, const Syntax& syntax) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    // Fast path: most bytes cannot open a comment or a string.
    if (c != '#' && c != '/' && c != '"' && c != '\'' && c != '`' && c != '-' && c != '=') {
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& lc : syntax.line_comments) {
      if (StartsAt(text, i, lc)) {
        size_t end = text.find('\n', i);
        end = end == std::string_view::npos ? n : end;
        spans_.push_back({i, end, Region::kComment, 0});
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const auto& [open, close] : syntax.block_comments) {
      if (StartsAt(text, i, open)) {
        size_t end = text.find(close, i + open.size());
        end = end == std::string_view::npos ? n : end + close.size();
        spans_.push_back({i, end, Region::kComment, 0});
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const auto& delim : syntax.strings) {
      if (!StartsAt(text, i, delim)) continue;
      bool raw = std::find(syntax.raw_strings.begin(), syntax.raw_strings.end(), delim) !=
                 syntax.raw_strings.end();
      // Short quotes end at the line end when unterminated; long ones and raw ones span lines.
      bool multiline = delim.size() == 3 || raw || delim == "`";
      size_t j = i + delim.size();
      size_t end = n;
      while (j < n) {
        if (!raw && text[j] == '\\') {
          j += 2;
          continue;
        }
        if (!multiline && text[j] == '\n') {
          end = j;
          break;
        }
        if (StartsAt(text, j, delim)) {
          end = j + delim.size();
          break;
        }
        ++j;
      }
      end = std::min(end, n);
      spans_.push_back({i, end, Region::kString, static_cast<uint8_t>(delim.size())});
      i = end;
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
}

const RegionMap::Span* RegionMap::Find(size_t offset) const {
  auto it = std::upper_bound(spans_.begin(), spans_.end(), offset,
                             [](size_t off, const Span& s) { return off < s.start; });
  if (it == spans_.begin()) return nullptr;
  --it;
  return offset < it->end ? &*it : nullptr;
}

Region RegionMap::At(size_t offset) const {
  const Span* s = Find(offset);
  return s ? s->region : Region::kCode;
}

std::string_view RegionMap::StringAt(std::string_view text, size_t offset) const {
  const Span* s = Find(offset);
  if (!s || s->region != Region::kString) return {};
  size_t start = s->start + s->delim_len;
  size_t end = s->end >= start + s->delim_len ? s->end - s->delim_len : start;
  if (end > text.size() || end < start) return {};
  return text.substr(start, end - start);
}

std::optional<RegionMap::Literal> RegionMap::LiteralStartingAt(std::string_view text, size_t offset) const {
  const Span* s = Find(offset);
  if (!s || s->region != Region::kString || s->start != offset) return std::nullopt;
  std::string_view content = StringAt(text, offset);
  return Literal{s->start, s->end, content};
}

}  // namespace aisec::catalog::code
