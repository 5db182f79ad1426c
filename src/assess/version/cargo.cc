#include "assess/version/cargo.h"

#include "assess/version/range.h"
#include "assess/version/semver.h"
#include "assess/version/util.h"

namespace aisec::assess::version {
namespace {

class CargoScheme final : public Scheme {
 public:
  std::string_view name() const override { return "cargo"; }
  Result<Version> Parse(std::string_view text) const override {
    auto v = ParseSemverParts(text, SemverSyntax{});
    if (!v) return ParseError("Cargo", text);
    return MakeVersion(text, std::move(*v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareSemver(As<SemverVersion>(a), As<SemverVersion>(b));
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    return ParseNpmRange(*this, spec, /*caret_default=*/true);
  }
};

}  // namespace

const Scheme& Cargo() {
  static const CargoScheme kScheme;
  return kScheme;
}

}  // namespace aisec::assess::version
