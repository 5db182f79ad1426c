#include "catalog/gradle/groovy_lexer.h"

#include <cctype>

namespace aisec::catalog::gradle {
namespace {

bool IsIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80);
}
bool IsIdentChar(char c) { return IsIdentStart(c) || std::isdigit(static_cast<unsigned char>(c)); }

class Lexer {
 public:
  Lexer(std::string_view text, const std::string& path) : s_(text), path_(path) {}

  Result<std::vector<Token>> Run() {
    while (pos_ < s_.size()) {
      if (tokens_.size() > kMaxTokens)
        return Fail("more than " + std::to_string(kMaxTokens) + " tokens");
      char c = s_[pos_];
      if (c == '\n') {
        Push(TokenKind::kNewline, pos_, 1);
        ++line_;
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        ++pos_;
      } else if (s_.substr(pos_, 2) == "//" || (pos_ == 0 && s_.substr(0, 2) == "#!")) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (s_.substr(pos_, 2) == "/*") {
        if (!BlockComment()) return Fail("unterminated comment");
      } else if (c == '"' || c == '\'') {
        if (!String(c)) return Fail("unterminated string");
      } else if (IsIdentStart(c)) {
        size_t start = pos_;
        while (pos_ < s_.size() && IsIdentChar(s_[pos_])) ++pos_;
        Push(TokenKind::kIdent, start, pos_ - start);
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        size_t start = pos_;
        while (pos_ < s_.size() && (IsIdentChar(s_[pos_]) || s_[pos_] == '.')) ++pos_;
        Push(TokenKind::kNumber, start, pos_ - start);
      } else {
        if (c == '{' && ++depth_ > kMaxBraceDepth) {
          return Fail("braces nested deeper than " + std::to_string(kMaxBraceDepth));
        }
        if (c == '}' && depth_ > 0) --depth_;
        Push(TokenKind::kPunct, pos_, 1);
        ++pos_;
      }
    }
    return std::move(tokens_);
  }

 private:
  Error Fail(std::string message) {
    return Error{ErrorCode::kParse, std::move(message),
                 Location{path_, error_line_ ? error_line_ : line_, 0, 0}};
  }

  void Push(TokenKind kind, size_t start, size_t len, bool interpolates = false) {
    tokens_.push_back(Token{kind, s_.substr(start, len), line_, interpolates});
  }

  bool BlockComment() {
    error_line_ = line_;
    auto end = s_.find("*/", pos_ + 2);
    if (end == std::string_view::npos) return false;
    for (size_t i = pos_; i < end; ++i) line_ += s_[i] == '\n';
    pos_ = end + 2;
    error_line_ = 0;
    return true;
  }

  // A quoted string; for double quotes, "${ ... }" may hold braces and quotes of its own.
  bool String(char quote) {
    error_line_ = line_;
    uint32_t start_line = line_;
    bool triple = s_.substr(pos_, 3) == std::string(3, quote);
    size_t open = triple ? 3 : 1;
    size_t start = pos_ + open;
    int template_depth = 0;
    for (size_t i = start; i < s_.size(); ++i) {
      char c = s_[i];
      if (c == '\n') {
        if (!triple && template_depth == 0) return false;
        ++line_;
      } else if (c == '\\') {
        ++i;
        if (i < s_.size() && s_[i] == '\n') ++line_;
      } else if (quote == '"' && c == '$' && i + 1 < s_.size() && s_[i + 1] == '{') {
        ++template_depth;
        ++i;
      } else if (template_depth > 0 && c == '}') {
        --template_depth;
      } else if (template_depth == 0 && c == quote &&
                 (!triple || s_.substr(i, 3) == std::string(3, quote))) {
        tokens_.push_back(
            Token{TokenKind::kString, s_.substr(start, i - start), start_line, quote == '"'});
        pos_ = i + open;
        error_line_ = 0;
        return true;
      }
    }
    return false;
  }

  std::string_view s_;
  const std::string& path_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t error_line_ = 0;  // where an unterminated construct started
  int depth_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

Result<std::vector<Token>> LexGradle(std::string_view text, const std::string& path) {
  return Lexer(text, path).Run();
}

}  // namespace aisec::catalog::gradle
