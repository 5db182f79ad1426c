// SemVer 2.0.0 parsing and precedence, and the npm scheme built on it.
#include "assess/version/semver.h"

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

bool ValidIdentifier(std::string_view id, bool numeric_rule) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!IsDigit(c) && !IsAlpha(c) && c != '-') return false;
  }
  // Numeric identifiers MUST NOT include leading zeros (§9).
  return !numeric_rule || !AllDigits(id) || id.size() == 1 || id[0] != '0';
}

bool ParseIdentifiers(std::string_view s, bool strict_numbers, std::vector<std::string>& out) {
  for (std::string_view id : Split(s, '.')) {
    if (!ValidIdentifier(id, strict_numbers)) return false;
    out.emplace_back(id);
  }
  return true;
}

int ComparePrerelease(const std::vector<std::string>& a, const std::vector<std::string>& b,
                      bool fold_case) {
  // A version without pre-release has higher precedence (§11.3); numeric identifiers sort
  // before alphanumeric ones (§11.4).
  if (a.empty() != b.empty()) return a.empty() ? 1 : -1;
  return CompareIdentifiers(a, b, /*numeric_first=*/true, fold_case);
}

class SemverScheme final : public Scheme {
 public:
  std::string_view name() const override { return "semver"; }
  Result<Version> Parse(std::string_view text) const override {
    auto v = ParseSemverParts(text, SemverSyntax{.loose = true});
    if (!v) return ParseError("SemVer", text);
    return MakeVersion(text, std::move(*v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareSemver(As<SemverVersion>(a), As<SemverVersion>(b));
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    return ParseNpmRange(*this, spec, /*caret_default=*/false);
  }
};

}  // namespace

std::optional<SemverVersion> ParseSemverParts(std::string_view text, const SemverSyntax& syntax) {
  std::string_view s = text;
  if (syntax.loose) {
    s = Trim(s);
    if (!s.empty() && s.front() == '=') s = TrimLeft(s.substr(1));
    if (!s.empty() && (s.front() == 'v' || s.front() == 'V')) s.remove_prefix(1);
  }
  SemverVersion v;
  if (size_t plus = s.find('+'); plus != std::string_view::npos) {
    v.build = std::string(s.substr(plus + 1));
    std::vector<std::string> ignored;
    if (!ParseIdentifiers(v.build, false, ignored)) return std::nullopt;
    s = s.substr(0, plus);
  }
  if (size_t dash = s.find('-'); dash != std::string_view::npos) {
    if (!ParseIdentifiers(s.substr(dash + 1), !syntax.loose, v.prerelease)) return std::nullopt;
    s = s.substr(0, dash);
  }
  for (std::string_view part : Split(s, '.')) {
    if (!AllDigits(part)) return std::nullopt;
    if (!syntax.loose && part.size() > 1 && part[0] == '0') return std::nullopt;
    v.release.emplace_back(StripZeros(part));
  }
  if (v.release.size() < syntax.min_parts || v.release.size() > syntax.max_parts) {
    return std::nullopt;
  }
  return v;
}

int CompareSemver(const SemverVersion& a, const SemverVersion& b, bool fold_case) {
  size_t n = std::max(a.release.size(), b.release.size());
  for (size_t i = 0; i < n; ++i) {
    std::string_view x = i < a.release.size() ? std::string_view(a.release[i]) : "0";
    std::string_view y = i < b.release.size() ? std::string_view(b.release[i]) : "0";
    if (int c = CompareDigits(x, y)) return c;
  }
  return ComparePrerelease(a.prerelease, b.prerelease, fold_case);
}

const Scheme& Semver() {
  static const SemverScheme kScheme;
  return kScheme;
}

}  // namespace aisec::assess::version
