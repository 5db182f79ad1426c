#include "catalog/npm/json_lines.h"

#include <cstring>
#include <vector>

#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

// JSON forbids raw control characters in strings, so this byte never occurs inside a key as
// written and keeps joined paths unambiguous.
constexpr char kSeparator = '\x1f';

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Offset of the quote closing a string whose content starts at `from`, or text.size().
size_t StringEnd(std::string_view text, size_t from) {
  while (from < text.size()) {
    const void* q = std::memchr(text.data() + from, '"', text.size() - from);
    if (q == nullptr) return text.size();
    size_t quote = static_cast<const char*>(q) - text.data();
    size_t backslashes = 0;
    while (quote - backslashes > from && text[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote;
    from = quote + 1;
  }
  return text.size();
}

}  // namespace

JsonLines::JsonLines(std::string_view text, int max_depth, int scalar_depth) : text_(text) {
  Scan(max_depth, scalar_depth);
}

void JsonLines::Join(std::string& joined, std::string_view key) {
  joined += kSeparator;
  joined += key;
}

void JsonLines::Scan(int max_depth, int scalar_depth) {
  struct Frame {
    bool object;
    size_t restore;  // path length to go back to when the container closes
  };
  std::vector<Frame> stack;
  std::string path;
  size_t pending = std::string::npos;  // path length before the key whose value opens next
  bool expect_key = false;
  uint32_t line = 1;
  size_t line_start = 0;
  const size_t n = text_.size();
  for (size_t i = 0; i < n; ++i) {
    char c = text_[i];
    if (c == ' ') continue;  // most bytes of a pretty-printed lock file
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if (c == '{' || c == '[') {
      size_t restore = pending != std::string::npos ? pending : path.size();
      pending = std::string::npos;
      stack.push_back(Frame{c == '{', restore});
      expect_key = c == '{';
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return;
      path.resize(stack.back().restore);
      stack.pop_back();
      expect_key = false;
    } else if (c == ',') {
      expect_key = !stack.empty() && stack.back().object;
    } else if (c == '"') {
      size_t start = i + 1;
      i = StringEnd(text_, start);
      if (i >= n) return;
      if (!expect_key) continue;
      expect_key = false;
      std::string_view key = text_.substr(start, i - start);
      size_t v = i + 1;
      while (v < n && (IsJsonSpace(text_[v]) || text_[v] == ':')) ++v;
      bool object = v < n && text_[v] == '{';
      bool container = object || (v < n && text_[v] == '[');
      int depth = static_cast<int>(stack.size());
      size_t before = path.size();
      Join(path, key);
      if (depth <= max_depth && (object || depth <= scalar_depth)) {
        places_.emplace(path, Place{line, line_start});
      }
      if (container) {
        pending = before;
      } else {
        path.resize(before);
      }
    }
  }
}

const JsonLines::Place* JsonLines::FindJoined(const std::string& joined) const {
  auto it = places_.find(joined);
  return it == places_.end() ? nullptr : &it->second;
}

const JsonLines::Place* JsonLines::Find(std::initializer_list<std::string_view> path) const {
  std::string joined;
  for (std::string_view key : path) Join(joined, key);
  return FindJoined(joined);
}

uint32_t JsonLines::Line(std::initializer_list<std::string_view> path, uint32_t fallback) const {
  const Place* p = Find(path);
  return p ? p->line : (fallback ? fallback : 1);
}

std::string_view JsonLines::LineText(const Place& place) const {
  std::string_view rest = text_.substr(place.line_start);
  return rest.substr(0, rest.find('\n'));
}

std::string JsonLines::EvidenceSnippet(const Place& place) const {
  constexpr size_t kShort = 120;
  std::string_view line = Trim(LineText(place));
  bool plain = line.size() <= kShort && !Contains(line, "  ") && line.find('\t') == std::string_view::npos;
  return plain ? std::string(line) : Snippet(line);
}

}  // namespace aisec::catalog::npm
