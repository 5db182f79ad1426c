#pragma once
// Small string helpers shared by every stage. Search here before writing another.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aisec {

std::string_view Trim(std::string_view s);
std::string_view TrimLeft(std::string_view s);
std::string_view TrimRight(std::string_view s);
std::string ToLower(std::string_view s);
std::string ToUpper(std::string_view s);
// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Splits text into lines without their terminators ("\n" or "\r\n").
std::vector<std::string_view> SplitLines(std::string_view text);
bool IEquals(std::string_view a, std::string_view b);
bool Contains(std::string_view haystack, std::string_view needle);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
bool IsValidUtf8(std::string_view s);
// Replaces invalid UTF-8 sequences by U+FFFD so that the text is safe to emit as JSON.
std::string SanitizeUtf8(std::string_view s);
// Text from scanned files made safe to print on a terminal: invalid UTF-8 becomes U+FFFD and
// control characters (C0, DEL, C1) are shown escaped ("\x1b", "\u009b"), so a hostile name
// cannot move the cursor, recolour or retitle the terminal.
std::string ForTerminal(std::string_view s);
// Shortens a snippet for evidence: trims, collapses to one line, caps at `max` bytes (UTF-8 safe).
std::string Snippet(std::string_view s, size_t max = 160);

// Maps byte offsets in a text to 1-based line and column numbers.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  uint32_t Line(size_t offset) const;
  uint32_t Column(size_t offset) const;
  std::string_view LineText(uint32_t line) const;  // without terminator
  uint32_t LineCount() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

}  // namespace aisec
