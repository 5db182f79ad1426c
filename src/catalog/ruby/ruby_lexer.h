#pragma once
// A small Ruby tokenizer, enough to read Gemfiles without evaluating them: identifiers, hash
// labels (`require:`), symbols (`:test`), string literals (quotes and %q/%Q/%() forms, with
// whether they interpolate #{...}), word lists (%w[] / %i[]), numbers, punctuation ("=>" is one
// token) and line ends. Comments (# and =begin/=end) are skipped. Heredocs are not recognised.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace aisec::catalog::ruby {

enum class RubyTokenKind : uint8_t {
  kIdent,
  kLabel,
  kSymbol,
  kString,
  kWords,
  kNumber,
  kPunct,
  kNewline
};

struct RubyToken {
  RubyTokenKind kind;
  std::string_view text;  // labels without ':', symbols without ':', strings without delimiters
  uint32_t line;
  bool interpolated = false;  // a double-quoted string that contains #{...}

  bool Is(std::string_view punct) const { return kind == RubyTokenKind::kPunct && text == punct; }
  bool IsIdent(std::string_view name) const {
    return kind == RubyTokenKind::kIdent && text == name;
  }
};

inline constexpr size_t kMaxRubyTokens = 4'000'000;

// Tokens of `text` (which must outlive them). Errors, located by line: an unterminated string,
// percent literal or =begin comment, or more than kMaxRubyTokens tokens.
Result<std::vector<RubyToken>> LexRuby(std::string_view text, const std::string& path);

}  // namespace aisec::catalog::ruby
