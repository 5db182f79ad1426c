// PEP 440 parsing, normalisation and ordering ("Version scheme" and "Normalization" sections).
#include "assess/version/pep440.h"

#include <algorithm>

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

using Phase = Pep440Version::Phase;

// A cursor over the lower-cased text.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  size_t pos() const { return i_; }
  void reset(size_t pos) { i_ = pos; }
  bool Eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  bool EatSeparator() { return Eat('.') || Eat('-') || Eat('_'); }
  bool EatWord(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  // The number after a pre/post/dev label, with an optional separator; "0" when absent.
  std::string LabelNumber();
  std::string_view Digits() {
    size_t start = i_;
    while (!done() && IsDigit(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

std::string Number(std::string_view digits) {
  return digits.empty() ? std::string("0") : std::string(StripZeros(digits));
}

std::string Cursor::LabelNumber() {
  size_t after_label = i_;
  EatSeparator();
  std::string_view n = Digits();
  if (n.empty()) reset(after_label);
  return Number(n);
}

bool ParsePre(Cursor& c, Pep440Version& v) {
  size_t start = c.pos();
  c.EatSeparator();
  // Longest spellings first: "preview" before "pre", "rc" before "c".
  static constexpr std::pair<std::string_view, Phase> kLabels[] = {
      {"alpha", Phase::kAlpha}, {"beta", Phase::kBeta}, {"preview", Phase::kRc},
      {"pre", Phase::kRc},      {"rc", Phase::kRc},     {"a", Phase::kAlpha},
      {"b", Phase::kBeta},      {"c", Phase::kRc}};
  for (const auto& [label, phase] : kLabels) {
    if (!c.EatWord(label)) continue;
    v.pre = phase;
    v.pre_number = c.LabelNumber();
    return true;
  }
  c.reset(start);
  return false;
}

bool ParsePost(Cursor& c, Pep440Version& v) {
  size_t start = c.pos();
  if (c.Eat('-')) {  // implicit post release: "1.0-1"
    std::string_view n = c.Digits();
    if (!n.empty()) {
      v.post = true;
      v.post_number = Number(n);
      return true;
    }
    c.reset(start);
  }
  c.EatSeparator();
  if (c.EatWord("post") || c.EatWord("rev") || c.EatWord("r")) {
    v.post = true;
    v.post_number = c.LabelNumber();
    return true;
  }
  c.reset(start);
  return false;
}

bool ParseDev(Cursor& c, Pep440Version& v) {
  size_t start = c.pos();
  c.EatSeparator();
  if (!c.EatWord("dev")) {
    c.reset(start);
    return false;
  }
  v.dev = true;
  v.dev_number = c.LabelNumber();
  return true;
}

bool ParseLocal(std::string_view s, Pep440Version& v) {
  std::string seg;
  for (char ch : s) {
    if (ch == '.' || ch == '-' || ch == '_') {
      if (seg.empty()) return false;
      v.local.push_back(std::move(seg));
      seg.clear();
    } else if (IsDigit(ch) || IsAlpha(ch)) {
      seg += ch;
    } else {
      return false;
    }
  }
  if (seg.empty()) return false;
  v.local.push_back(std::move(seg));
  return true;
}

std::optional<Pep440Version> ParsePep440(std::string_view text) {
  std::string lower = ToLower(Trim(text));
  Cursor c(lower);
  Pep440Version v;
  c.Eat('v');
  std::string_view first = c.Digits();
  if (first.empty()) return std::nullopt;
  if (c.Eat('!')) {
    v.epoch = Number(first);
    first = c.Digits();
    if (first.empty()) return std::nullopt;
  }
  v.release.push_back(Number(first));
  while (c.peek() == '.') {
    size_t dot = c.pos();
    c.Eat('.');
    std::string_view n = c.Digits();
    if (n.empty()) {
      c.reset(dot);
      break;
    }
    v.release.push_back(Number(n));
  }
  ParsePre(c, v);
  ParsePost(c, v);
  ParseDev(c, v);
  if (c.Eat('+')) {
    if (!ParseLocal(std::string_view(lower).substr(c.pos()), v)) return std::nullopt;
    return v;
  }
  if (!c.done()) return std::nullopt;
  return v;
}

int CompareRelease(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    std::string_view x = i < a.size() ? std::string_view(a[i]) : "0";
    std::string_view y = i < b.size() ? std::string_view(b[i]) : "0";
    if (int c = CompareDigits(x, y)) return c;
  }
  return 0;
}

// Pre-release key: a dev release of a final version ("1.0.dev1") sorts before its
// pre-releases; a version without pre-release sorts after them.
int ComparePre(const Pep440Version& a, const Pep440Version& b) {
  auto rank = [](const Pep440Version& v) {
    if (v.pre == Phase::kNone && !v.post && v.dev) return -1;
    return v.pre == Phase::kNone ? 3 : static_cast<int>(v.pre);
  };
  int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (a.pre != Phase::kNone) return CompareDigits(a.pre_number, b.pre_number);
  return 0;
}

int ComparePep440(const Pep440Version& a, const Pep440Version& b) {
  if (int c = CompareDigits(a.epoch, b.epoch)) return c;
  if (int c = CompareRelease(a.release, b.release)) return c;
  if (int c = ComparePre(a, b)) return c;
  if (a.post != b.post) return a.post ? 1 : -1;
  if (a.post) {
    if (int c = CompareDigits(a.post_number, b.post_number)) return c;
  }
  if (a.dev != b.dev) return a.dev ? -1 : 1;
  if (a.dev) {
    if (int c = CompareDigits(a.dev_number, b.dev_number)) return c;
  }
  // A numeric local segment sorts after an alphanumeric one.
  return CompareIdentifiers(a.local, b.local, /*numeric_first=*/false);
}

class Pep440Scheme final : public Scheme {
 public:
  std::string_view name() const override { return "pep440"; }
  Result<Version> Parse(std::string_view text) const override {
    auto v = ParsePep440(text);
    if (!v) return ParseError("PEP 440", text);
    return MakeVersion(text, std::move(*v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return ComparePep440(As<Pep440Version>(a), As<Pep440Version>(b));
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    return ParsePep440Specifiers(spec);
  }
};

}  // namespace

const Scheme& Pep440() {
  static const Pep440Scheme kScheme;
  return kScheme;
}

Result<std::string> Pep440Canonical(std::string_view text) {
  auto parsed = ParsePep440(text);
  if (!parsed) return ParseError("PEP 440", text);
  const Pep440Version& v = *parsed;
  std::string out;
  if (v.epoch != "0") out += v.epoch + "!";
  out += Join(v.release, ".");
  static constexpr std::string_view kPhase[] = {"a", "b", "rc"};
  if (v.pre != Phase::kNone) out += std::string(kPhase[static_cast<int>(v.pre)]) + v.pre_number;
  if (v.post) out += ".post" + v.post_number;
  if (v.dev) out += ".dev" + v.dev_number;
  if (!v.local.empty()) out += "+" + Join(v.local, ".");
  return out;
}

}  // namespace aisec::assess::version
