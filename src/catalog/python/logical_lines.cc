#include "catalog/python/logical_lines.h"

#include <algorithm>

#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

// Cuts a comment: '#' at the start of the line or after whitespace. Inside quotes it is text.
std::string_view StripComment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

}  // namespace

uint32_t LogicalLine::LineAt(size_t offset) const {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset,
                             [](size_t off, const auto& s) { return off < s.first; });
  if (it == starts.begin()) return first_line();
  return std::prev(it)->second;
}

std::vector<LogicalLine> JoinContinuedLines(std::string_view text, const JoinOptions& options) {
  std::vector<LogicalLine> out;
  LogicalLine cur;
  bool continuing = false;
  uint32_t n = options.first_line - 1;
  auto finish = [&] {
    if (!Trim(cur.text).empty()) out.push_back(std::move(cur));
    cur = LogicalLine{};
  };
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view trimmed = Trim(raw);
    if (continuing && options.skip_comment_lines && (trimmed.empty() || trimmed.front() == '#')) {
      continue;
    }
    std::string_view line = TrimRight(StripComment(raw));
    cur.starts.emplace_back(cur.text.size(), n);
    continuing = !line.empty() && line.back() == options.escape;
    if (continuing) {
      cur.text.append(line.substr(0, line.size() - 1));
      cur.text += ' ';
      continue;
    }
    cur.text.append(line);
    finish();
  }
  finish();
  return out;
}

}  // namespace aisec::catalog::python
