#include "assess/version/nuget.h"

#include "assess/version/range.h"
#include "assess/version/semver.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

class NuGetScheme final : public Scheme {
 public:
  std::string_view name() const override { return "nuget"; }
  Result<Version> Parse(std::string_view text) const override {
    std::string_view s = Trim(text);
    // NuGet tolerates leading zeros ("1.01" is 1.1) but not a "v" prefix.
    if (s.empty() || !IsDigit(s.front())) return ParseError("NuGet", text);
    auto v = ParseSemverParts(s, SemverSyntax{.loose = true, .min_parts = 1, .max_parts = 4});
    if (!v) return ParseError("NuGet", text);
    return MakeVersion(text, std::move(*v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareSemver(As<SemverVersion>(a), As<SemverVersion>(b), /*fold_case=*/true);
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    std::string_view s = Trim(spec);
    if (s.find('*') != std::string_view::npos && s.find_first_of("[(") == std::string_view::npos) {
      return Floating(s);
    }
    return ParseIntervalRange(*this, s, /*bare_is_minimum=*/true);
  }

 private:
  // Floating versions ("Version ranges", floating): the newest version the pattern admits is
  // chosen, so the set is every version it admits. "1.*" is 1.x stable and pre-release of later
  // 1.x, "1.2.*" likewise, "*" everything; "-*" on the pattern admits pre-releases of its lowest
  // version too ("1.*-*", "1.0.0-*"); "1.0.0-rc.*" admits 1.0.0-rc… pre-releases and 1.0.0.
  Result<VersionSet> Floating(std::string_view s) const {
    size_t dash = s.find('-');
    std::string_view release = s.substr(0, dash);
    std::string_view pre = dash == std::string_view::npos ? std::string_view() : s.substr(dash + 1);
    if (!pre.empty() && (pre.back() != '*' || pre.find('*') != pre.size() - 1)) return ParseError("NuGet", s);
    std::string low_pre = pre.empty() ? "" : std::string(pre.substr(0, pre.size() - 1));
    if (!low_pre.empty() && low_pre.back() == '.') low_pre.pop_back();
    if (release == "*") {
      if (!pre.empty() && pre != "*") return ParseError("NuGet", s);
      return VersionSet::All();
    }
    if (!release.ends_with(".*")) {  // "1.0.0-*", "1.0.0-rc.*": only the pre-release floats
      auto hi = Parse(release);
      if (!hi.ok() || pre.empty()) return ParseError("NuGet", s);
      auto lo = Parse(std::string(release) + "-" + (low_pre.empty() ? "0" : low_pre));
      if (!lo.ok()) return lo.error();
      return VersionSet::Of(Interval{Bound{*lo, true}, Bound{*hi, true}});
    }
    std::string_view fixed = release.substr(0, release.size() - 2);
    std::vector<std::string_view> parts = Split(fixed, '.');
    if (parts.empty() || parts.size() > 3) return ParseError("NuGet", s);
    for (std::string_view p : parts) {
      if (!AllDigits(p) || p.empty()) return ParseError("NuGet", s);
    }
    std::string upper;
    for (size_t i = 0; i + 1 < parts.size(); ++i) upper += std::string(parts[i]) + ".";
    upper += IncrementDigits(std::string(parts.back())) + "-0";  // below the next one's pre-releases
    auto lo = Parse(std::string(fixed) + (pre.empty() ? "" : "-0"));
    auto hi = Parse(upper);
    if (!lo.ok() || !hi.ok()) return ParseError("NuGet", s);
    return VersionSet::Of(Interval{Bound{*lo, true}, Bound{*hi, false}});
  }
};

}  // namespace

const Scheme& NuGet() {
  static const NuGetScheme kScheme;
  return kScheme;
}

}  // namespace aisec::assess::version
