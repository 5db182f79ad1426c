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

// NuGet docs, "Package versioning": 4-part versions, normalisation (leading zeros, a zero fourth
// part, build metadata), SemVer 2 pre-release precedence compared without case.
TEST(NuGet, PrecedenceTable) {
  size_t n = testing::ExpectComparisons(NuGet(), {
      // Normalisation.
      {"1.01.1", '=', "1.1.1"}, {"1.0.0.0", '=', "1.0.0"}, {"1.0.0.0", '=', "1.0"}, {"1.0", '=', "1"},
      {"01.0.0", '=', "1.0.0"}, {"1.00.01.0", '=', "1.0.1"}, {"2.0.0.000", '=', "2"}, {"1.0.0+build", '=', "1.0.0"},
      {"1.0.0-beta+build.1", '=', "1.0.0-beta"}, {"1.0.0+a", '=', "1.0.0+b"}, {"1.0.0.0+meta", '=', "1.0"},
      {" 1.0.0 ", '=', "1.0.0"},
      // The fourth part counts.
      {"1.0.0", '<', "1.0.0.1"}, {"1.0.0.1", '<', "1.0.0.2"}, {"1.0.0.9", '<', "1.0.0.10"},
      {"1.0.0.99", '<', "1.0.1"}, {"1.2.3.4", '>', "1.2.3"}, {"1.2.3.4", '<', "1.2.4"},
      {"4.0.0.0", '>', "3.99.99.99"}, {"1.0.0.1-beta", '<', "1.0.0.1"}, {"1.0.0.1-beta", '>', "1.0.0"},
      // Release parts numerically.
      {"1.9", '<', "1.10"}, {"1.0.9", '<', "1.0.10"}, {"10.0", '>', "9.9.9.9"}, {"0.1", '<', "0.1.1"},
      // Pre-releases: before the release, case-insensitive, SemVer 2 identifiers.
      {"1.0.0-alpha", '<', "1.0.0"}, {"1.0.0-ALPHA", '=', "1.0.0-alpha"}, {"1.0.0-Beta.1", '=', "1.0.0-bEtA.1"},
      {"1.0.0-alpha", '<', "1.0.0-beta"}, {"1.0.0-Alpha", '<', "1.0.0-beta"}, {"1.0.0-alpha", '<', "1.0.0-Beta"},
      {"1.0.0-alpha", '<', "1.0.0-alpha.1"}, {"1.0.0-alpha.1", '<', "1.0.0-alpha.beta"},
      {"1.0.0-beta.2", '<', "1.0.0-beta.11"}, {"1.0.0-beta.11", '<', "1.0.0-rc.1"}, {"1.0.0-rc.1", '<', "1.0.0"},
      {"1.0.0-1", '<', "1.0.0-a"}, {"1.0.0-2", '<', "1.0.0-10"}, {"1.0.0-beta01", '<', "1.0.0-beta02"},
      {"1.0.0-beta2", '>', "1.0.0-beta10"}, {"1.0.0-preview.1", '<', "1.0.0-preview.2"},
      {"1.0.0-rc-1", '<', "1.0.0-rc-2"}, {"1.0.0-a-b", '>', "1.0.0-a"}, {"1.0-beta", '=', "1.0.0-beta"},
      {"2.0.0-preview1", '>', "1.9.9"}, {"8.0.0-preview.7.23375.6", '<', "8.0.0-rc.1.23419.4"},
      {"8.0.0-rc.2.23479.6", '<', "8.0.0"}, {"6.0.0-preview.1.21102.12", '<', "6.0.0-preview.1.21103.13"},
  });
  EXPECT_GE(n, 40u);
}

TEST(NuGet, RejectsTable) {
  ExpectInvalid(NuGet(), {"", " ", "v1.0.0", "V1.0", "1.0.0.0.0", "1.0-", "1.0.0+", "1..0", "1.0.", ".1",
                          "1.0.0-beta..1", "1.0.0-beta_1", "a.b", "1.x", "1.0.0-beta+", "[1.0]", "1.0 .0",
                          "1.0.0-Ω"});
}

// Version ranges (docs, "Version ranges"): minimum by default, interval notation, exact match.
TEST(NuGet, RangeTable) {
  size_t n = testing::ExpectMembership(NuGet(), {
      {"1.0", "1.0", true}, {"1.0", "0.9.9", false}, {"1.0", "5.0", true}, {"1.0", "1.0.0.1", true},
      {"1.0", "1.0.0-beta", false},
      {"(1.0,)", "1.0", false}, {"(1.0,)", "1.0.0.1", true}, {"(1.0,)", "2.0", true},
      {"[1.0]", "1.0", true}, {"[1.0]", "1.0.0.0", true}, {"[1.0]", "1.0.1", false}, {"[1.0]", "0.9", false},
      {"(,1.0]", "1.0", true}, {"(,1.0]", "0.1", true}, {"(,1.0]", "1.0.0.1", false},
      {"(,1.0)", "1.0", false}, {"(,1.0)", "0.9.9.9", true}, {"(,1.0)", "1.0.0-rc.1", true},
      {"[1.0,2.0]", "1.0", true}, {"[1.0,2.0]", "2.0", true}, {"[1.0,2.0]", "2.0.0.1", false},
      {"[1.0,2.0]", "0.9", false},
      {"(1.0,2.0)", "1.0", false}, {"(1.0,2.0)", "1.5", true}, {"(1.0,2.0)", "2.0", false},
      {"[1.0,2.0)", "1.0", true}, {"[1.0,2.0)", "1.99.99.99", true}, {"[1.0,2.0)", "2.0", false},
      {"[1.0,2.0)", "2.0.0-beta", true},
      {"(1.0,2.0]", "1.0", false}, {"(1.0,2.0]", "2.0", true},
      {"[1.0, 2.0)", "1.5", true}, {"[ 1.0 , 2.0 )", "1.5", true},
      {"[1.0.0-beta,1.0.0]", "1.0.0-beta.2", true}, {"[1.0.0-beta,1.0.0]", "1.0.0-alpha", false},
      {"[1.01,2.0)", "1.1", true}, {"[1.0.0.0,2)", "1.0", true},
      // Floating versions: the newest of the pattern, so any version the pattern admits.
      {"1.*", "1.0", true}, {"1.*", "1.99.5", true}, {"1.*", "2.0", false}, {"1.*", "0.9", false},
      {"1.2.*", "1.2.0", true}, {"1.2.*", "1.2.77", true}, {"1.2.*", "1.3.0", false},
      {"*", "0.0.1", true}, {"*", "12.0.0", true},
      {"1.*-*", "1.1.0-beta", true}, {"1.*-*", "2.0.0-beta", false},
      {"1.0.0-*", "1.0.0-alpha", true}, {"1.0.0-*", "1.0.0-rc.2", true}, {"1.0.0-*", "0.9.0", false},
  });
  EXPECT_GE(n, 50u);
}

}  // namespace
}  // namespace aisec::assess::version
