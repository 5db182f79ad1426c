#include "assess/version/go.h"

#include "assess/version/range.h"
#include "assess/version/semver.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

std::optional<SemverVersion> ParseGo(std::string_view text) {
  std::string_view s = text;
  if (!s.empty() && s.front() == 'v') s.remove_prefix(1);
  // Go accepts "v1" and "v1.2" as shorthands, but only without pre-release or build suffix.
  bool plain = s.find_first_of("-+") == std::string_view::npos;
  return ParseSemverParts(s, SemverSyntax{.min_parts = plain ? 1u : 3u, .max_parts = 3});
}

class GoScheme final : public Scheme {
 public:
  std::string_view name() const override { return "go"; }
  Result<Version> Parse(std::string_view text) const override {
    auto v = ParseGo(text);
    if (!v) return ParseError("Go module", text);
    return MakeVersion(text, std::move(*v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareSemver(As<SemverVersion>(a), As<SemverVersion>(b));
  }
  // go.mod has no ranges; a requirement is a minimum (minimal version selection).
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    auto v = Parse(Trim(spec));
    if (!v.ok()) return v.error();
    return VersionSet::Of(Interval::AtLeast(*v));
  }
};

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return !s.empty();
}

}  // namespace

const Scheme& Go() {
  static const GoScheme kScheme;
  return kScheme;
}

bool IsGoPseudoVersion(std::string_view version) {
  auto v = ParseGo(version);
  if (!v || v->prerelease.empty()) return false;
  // The last identifier is "yyyymmddhhmmss-rev" (the timestamp and revision joined by '-').
  std::string_view last = v->prerelease.back();
  size_t dash = last.find('-');
  if (dash != 14 || !AllDigits(last.substr(0, 14)) || !IsHex(last.substr(15))) return false;
  size_t n = v->prerelease.size();
  if (n == 1) return v->release[1] == "0" && v->release[2] == "0";  // vX.0.0-ts-rev
  return v->prerelease[n - 2] == "0";                               // ...-0.ts-rev, -pre.0.ts-rev
}

}  // namespace aisec::assess::version
