#include "assess/version/composer.h"

#include <vector>

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

enum Stability : int { kDev = 0, kAlpha, kBeta, kRc, kStable, kPatch };

struct ComposerVersion : ParsedVersion {
  std::vector<std::string> numbers;  // four digit strings
  int stability = kStable;
  std::string stability_number = "0";
  bool dev_suffix = false;
};

struct Label {
  std::string_view word;
  Stability stability;
};
constexpr Label kLabels[] = {{"stable", kStable}, {"beta", kBeta}, {"alpha", kAlpha},
                             {"patch", kPatch},   {"rc", kRc},     {"pl", kPatch},
                             {"b", kBeta},        {"a", kAlpha},   {"p", kPatch},
                             {"dev", kDev}};

bool ParseSuffix(std::string_view s, ComposerVersion& v) {
  if (!s.empty() && (s.front() == '-' || s.front() == '.' || s.front() == '_')) s.remove_prefix(1);
  if (s.empty()) return true;
  for (const Label& l : kLabels) {
    if (s.substr(0, l.word.size()) != l.word) continue;
    s.remove_prefix(l.word.size());
    v.stability = l.stability;
    if (!s.empty() && (s.front() == '.' || s.front() == '-')) {
      if (s.size() > 1 && IsDigit(s[1])) s.remove_prefix(1);
    }
    size_t n = 0;
    while (n < s.size() && IsDigit(s[n])) ++n;
    if (n) v.stability_number = std::string(StripZeros(s.substr(0, n)));
    s.remove_prefix(n);
    if (s == "-dev" || s == ".dev" || s == "dev") {
      v.dev_suffix = l.stability != kDev;
      s = {};
    }
    return s.empty();
  }
  return false;
}

std::optional<ComposerVersion> ParseComposer(std::string_view text) {
  std::string lower = ToLower(Trim(text));
  std::string_view s = lower;
  if (!s.empty() && s.front() == 'v') s.remove_prefix(1);
  ComposerVersion v;
  size_t i = 0;
  while (v.numbers.size() < 4) {
    size_t j = i;
    while (j < s.size() && IsDigit(s[j])) ++j;
    if (j == i) return std::nullopt;
    v.numbers.emplace_back(StripZeros(s.substr(i, j - i)));
    i = j;
    if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) ++i;
    else break;
  }
  while (v.numbers.size() < 4) v.numbers.emplace_back("0");
  if (!ParseSuffix(s.substr(i), v)) return std::nullopt;
  return v;
}

int CompareComposer(const ComposerVersion& a, const ComposerVersion& b) {
  for (size_t i = 0; i < 4; ++i) {
    if (int c = CompareDigits(a.numbers[i], b.numbers[i])) return c;
  }
  if (a.stability != b.stability) return a.stability < b.stability ? -1 : 1;
  if (int c = CompareDigits(a.stability_number, b.stability_number)) return c;
  if (a.dev_suffix != b.dev_suffix) return a.dev_suffix ? -1 : 1;
  return 0;
}

class ComposerScheme final : public Scheme {
 public:
  std::string_view name() const override { return "composer"; }
  Result<Version> Parse(std::string_view text) const override {
    auto v = ParseComposer(text);
    if (!v) return ParseError("Composer", text);
    return MakeVersion(text, std::move(*v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareComposer(As<ComposerVersion>(a), As<ComposerVersion>(b));
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    return ParseComposerRange(*this, spec);
  }
};

}  // namespace

const Scheme& Composer() {
  static const ComposerScheme kScheme;
  return kScheme;
}

}  // namespace aisec::assess::version
