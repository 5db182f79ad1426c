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
    return ParseIntervalRange(*this, spec, /*bare_is_minimum=*/true);
  }
};

}  // namespace

const Scheme& NuGet() {
  static const NuGetScheme kScheme;
  return kScheme;
}

}  // namespace aisec::assess::version
