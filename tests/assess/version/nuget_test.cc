// NuGet versions (docs: "Package versioning"): SemVer 2 plus legacy 4-part versions.
#include "assess/version/nuget.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::ExpectInvalid;
using testing::Range;

TEST(NuGet, MissingPartsAreZero) {
  ExpectEqual(NuGet(), {"1", "1.0", "1.0.0", "1.0.0.0", "1.00.0", "01.0"});
  ExpectAscending(NuGet(), {"1.0.0", "1.0.0.1", "1.0.1", "1.0.1.10", "1.1"});
}

TEST(NuGet, PreReleaseLabelsIgnoreCase) {
  ExpectEqual(NuGet(), {"1.0.0-BETA", "1.0.0-beta", "1.0.0-Beta"});
  ExpectAscending(NuGet(), {"1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-alpha.10", "1.0.0-Beta",
                            "1.0.0-beta01", "1.0.0-beta02", "1.0.0-rc.1", "1.0.0"});
}

TEST(NuGet, IgnoresMetadata) { ExpectEqual(NuGet(), {"1.0.0+git.abc", "1.0.0"}); }

TEST(NuGet, RejectsInvalid) { ExpectInvalid(NuGet(), {"", "v1.0", "1.0.0.0.0", "1.0-", "abc"}); }

TEST(NuGet, Ranges) {
  EXPECT_EQ(Range(NuGet(), "1.0"), ">=1.0");
  EXPECT_EQ(Range(NuGet(), "[1.0,2.0)"), ">=1.0, <2.0");
  EXPECT_EQ(Range(NuGet(), "(,1.0]"), "<=1.0");
  EXPECT_EQ(Range(NuGet(), "[1.0]"), "=1.0");
}

}  // namespace
}  // namespace aisec::assess::version
