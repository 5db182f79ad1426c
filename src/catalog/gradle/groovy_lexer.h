#pragma once
// A small lexer for Gradle build scripts, written in Groovy (build.gradle) or Kotlin
// (build.gradle.kts). It only has to tell code from comments and strings well enough to find
// dependency declarations: identifiers, string literals (with their quotes removed and whether
// they interpolate "$x" / "${x}"), numbers, punctuation and line ends. Groovy slashy strings are
// not recognised ('/' is punctuation), which never matters for dependency notation.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace aisec::catalog::gradle {

enum class TokenKind : uint8_t { kIdent, kString, kNumber, kPunct, kNewline };

struct Token {
  TokenKind kind;
  std::string_view text;  // for strings, the content between the quotes, escapes left as written
  uint32_t line;          // 1-based line where the token starts
  bool interpolates = false;  // a double-quoted or triple-double-quoted string

  bool Is(std::string_view punct) const { return kind == TokenKind::kPunct && text == punct; }
  bool IsIdent(std::string_view name) const { return kind == TokenKind::kIdent && text == name; }
};

inline constexpr size_t kMaxTokens = 4'000'000;
inline constexpr int kMaxBraceDepth = 256;

// Tokens of `text` (which must outlive them). Errors: an unterminated string or comment, braces
// nested deeper than kMaxBraceDepth, or more than kMaxTokens tokens; all located by line.
Result<std::vector<Token>> LexGradle(std::string_view text, const std::string& path);

}  // namespace aisec::catalog::gradle
