#include "catalog/ruby/ruby_lexer.h"

#include <cctype>

namespace aisec::catalog::ruby {
namespace {

bool IsNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}
bool IsNameChar(char c) { return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c)); }

char Closer(char open) {
  switch (open) {
    case '(':
      return ')';
    case '[':
      return ']';
    case '{':
      return '}';
    case '<':
      return '>';
    default:
      return open;
  }
}

class Lexer {
 public:
  Lexer(std::string_view text, const std::string& path) : s_(text), path_(path) {}

  Result<std::vector<RubyToken>> Run() {
    while (pos_ < s_.size()) {
      if (out_.size() > kMaxRubyTokens)
        return Fail("more than " + std::to_string(kMaxRubyTokens) + " tokens", line_);
      char c = s_[pos_];
      bool line_start = pos_ == 0 || s_[pos_ - 1] == '\n';
      if (c == '\n') {
        Push(RubyTokenKind::kNewline, s_.substr(pos_++, 1));
        ++line_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
        pos_ += 2;  // line continuation
        ++line_;
      } else if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (line_start && s_.substr(pos_, 6) == "=begin") {
        if (!BlockComment()) return Fail("unterminated =begin comment", error_line_);
      } else if (c == '"' || c == '\'' || c == '`') {
        if (!Quoted(pos_ + 1, c, c, RubyTokenKind::kString, c != '\''))
          return Fail("unterminated string", error_line_);
      } else if (c == '%' && Percent()) {
        // A literal, or failed_ when unterminated (checked below: pos_ has not moved).
      } else if (c == ':' && pos_ + 1 < s_.size() &&
                 (IsNameStart(s_[pos_ + 1]) || s_[pos_ + 1] == '"')) {
        Symbol();
      } else if (IsNameStart(c)) {
        Name();
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        size_t start = pos_;
        while (pos_ < s_.size() && (IsNameChar(s_[pos_]) || s_[pos_] == '.')) ++pos_;
        Push(RubyTokenKind::kNumber, s_.substr(start, pos_ - start));
      } else {
        size_t len = s_.substr(pos_, 2) == "=>" || s_.substr(pos_, 2) == "::" ? 2 : 1;
        Push(RubyTokenKind::kPunct, s_.substr(pos_, len));
        pos_ += len;
      }
      if (failed_) return Fail("unterminated literal", error_line_);
    }
    return std::move(out_);
  }

 private:
  Error Fail(std::string message, uint32_t line) {
    return Error{ErrorCode::kParse, std::move(message), Location{path_, line, 0, 0}};
  }
  void Push(RubyTokenKind kind, std::string_view text, uint32_t line = 0, bool interp = false) {
    out_.push_back(RubyToken{kind, text, line ? line : line_, interp});
  }

  bool BlockComment() {
    error_line_ = line_;
    auto end = s_.find("\n=end", pos_);
    if (end == std::string_view::npos) return false;
    for (size_t i = pos_; i <= end; ++i) line_ += s_[i] == '\n';
    pos_ = end + 5;
    return true;
  }

  // A literal from `start` to the `close` delimiter (nesting `open` when it differs).
  bool Quoted(size_t start, char open, char close, RubyTokenKind kind, bool interpolates) {
    error_line_ = line_;
    uint32_t first_line = line_;
    int depth = 0;
    bool interpolated = false;
    for (size_t i = start; i < s_.size(); ++i) {
      char c = s_[i];
      if (c == '\n') ++line_;
      if (c == '\\') {
        if (i + 1 < s_.size() && s_[i + 1] == '\n') ++line_;
        ++i;
      } else if (interpolates && c == '#' && i + 1 < s_.size() && s_[i + 1] == '{') {
        interpolated = true;
      } else if (c == open && open != close) {
        ++depth;
      } else if (c == close && depth-- == 0) {
        Push(kind, s_.substr(start, i - start), first_line, interpolated);
        pos_ = i + 1;
        return true;
      }
    }
    return false;
  }

  // %q(..) %Q(..) %(..) %w[..] %i[..]; false when '%' is an operator.
  bool Percent() {
    size_t p = pos_ + 1;
    char type = p < s_.size() && std::isalpha(static_cast<unsigned char>(s_[p])) ? s_[p++] : 'Q';
    if (p >= s_.size() || std::string_view("([{<|!/").find(s_[p]) == std::string_view::npos)
      return false;
    if (std::string_view("qQwWiI").find(type) == std::string_view::npos) return false;
    bool words = type == 'w' || type == 'W' || type == 'i' || type == 'I';
    if (!Quoted(p + 1, s_[p], Closer(s_[p]), words ? RubyTokenKind::kWords : RubyTokenKind::kString,
                type == 'Q' || type == 'W' || type == 'I')) {
      failed_ = true;
    }
    return true;
  }

  void Symbol() {
    ++pos_;
    if (s_[pos_] == '"') {
      if (!Quoted(pos_ + 1, '"', '"', RubyTokenKind::kSymbol, true)) failed_ = true;
      return;
    }
    size_t start = pos_;
    while (pos_ < s_.size() && IsNameChar(s_[pos_])) ++pos_;
    if (pos_ < s_.size() && (s_[pos_] == '?' || s_[pos_] == '!')) ++pos_;
    Push(RubyTokenKind::kSymbol, s_.substr(start, pos_ - start));
  }

  void Name() {
    size_t start = pos_;
    while (pos_ < s_.size() && IsNameChar(s_[pos_])) ++pos_;
    if (pos_ < s_.size() && (s_[pos_] == '?' || s_[pos_] == '!')) ++pos_;
    std::string_view name = s_.substr(start, pos_ - start);
    // `key: value` is a hash label; `Foo::Bar` is a constant path.
    if (pos_ < s_.size() && s_[pos_] == ':' && (pos_ + 1 >= s_.size() || s_[pos_ + 1] != ':')) {
      ++pos_;
      Push(RubyTokenKind::kLabel, name);
      return;
    }
    Push(RubyTokenKind::kIdent, name);
  }

  std::string_view s_;
  const std::string& path_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t error_line_ = 1;
  bool failed_ = false;
  std::vector<RubyToken> out_;
};

}  // namespace

Result<std::vector<RubyToken>> LexRuby(std::string_view text, const std::string& path) {
  return Lexer(text, path).Run();
}

}  // namespace aisec::catalog::ruby
