#pragma once
// Tells code, comments and string literals apart, so that a detector can require that an import
// is code, a model name is a string, and that commented-out code does not count.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aisec::catalog::code {

enum class Region : uint8_t { kCode, kString, kComment };

struct Syntax {
  std::vector<std::string> line_comments;                        // "#", "//"
  std::vector<std::pair<std::string, std::string>> block_comments;  // {"/*", "*/"}
  std::vector<std::string> strings;      // delimiters, longest first ('"""' before '"')
  std::vector<std::string> raw_strings;  // delimiters in which '\' does not escape (Go `)
};

// The non-code spans of a text, sorted and disjoint. Everything between them is code.
class RegionMap {
 public:
  RegionMap() = default;
  RegionMap(std::string_view text, const Syntax& syntax);
  Region At(size_t offset) const;
  // The string literal containing offset, without its delimiters (empty when not in a string).
  std::string_view StringAt(std::string_view text, size_t offset) const;
  // The string literal that starts exactly at `offset` (its opening delimiter).
  struct Literal {
    size_t start, end;         // [start, end), delimiters included
    std::string_view content;  // without delimiters
  };
  std::optional<Literal> LiteralStartingAt(std::string_view text, size_t offset) const;

 private:
  struct Span {
    size_t start, end;  // [start, end), delimiters included
    Region region;
    uint8_t delim_len;
  };
  const Span* Find(size_t offset) const;
  std::vector<Span> spans_;
};

}  // namespace aisec::catalog::code
