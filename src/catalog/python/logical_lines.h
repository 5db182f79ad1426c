#pragma once
// Line-oriented formats where a trailing escape character joins a line with the next one:
// requirements files, shell scripts, Dockerfile instructions and notebook shell magics. The
// joined text keeps a map back to physical lines so that evidence points at the line where a
// token was written, not where its command started.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aisec::catalog::python {

struct LogicalLine {
  std::string text;
  // (offset in `text`, physical line) for each physical line joined into `text`, in order.
  std::vector<std::pair<size_t, uint32_t>> starts;

  uint32_t first_line() const { return starts.empty() ? 0 : starts.front().second; }
  // The physical line holding `offset` of `text`.
  uint32_t LineAt(size_t offset) const;
};

struct JoinOptions {
  char escape = '\\';
  // Dockerfile rule: a comment line inside a continued instruction is dropped and does not end
  // it; so is an empty line.
  bool skip_comment_lines = false;
  uint32_t first_line = 1;  // number of the first line of `text`
};

// Splits `text` into logical lines. A '#' at the start of a word begins a comment that runs to
// the end of its physical line and is removed. Blank logical lines are dropped.
std::vector<LogicalLine> JoinContinuedLines(std::string_view text, const JoinOptions& options = {});

}  // namespace aisec::catalog::python
