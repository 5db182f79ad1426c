// npm range syntax, desugared as node-semver's README describes it.
#include "assess/version/semver.h"
#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::InRange;
using testing::Range;

const Scheme& S() { return Semver(); }

TEST(NpmRange, Caret) {
  EXPECT_EQ(Range(S(), "^1.2.3"), ">=1.2.3, <2.0.0-0");
  EXPECT_EQ(Range(S(), "^0.2.3"), ">=0.2.3, <0.3.0-0");
  EXPECT_EQ(Range(S(), "^0.0.3"), ">=0.0.3, <0.0.4-0");
  EXPECT_EQ(Range(S(), "^1.2.3-beta.2"), ">=1.2.3-beta.2, <2.0.0-0");
  EXPECT_EQ(Range(S(), "^1.2.x"), ">=1.2.0, <2.0.0-0");
  EXPECT_EQ(Range(S(), "^0.0.x"), ">=0.0.0, <0.1.0-0");
  EXPECT_EQ(Range(S(), "^0.0"), ">=0.0.0, <0.1.0-0");
  EXPECT_EQ(Range(S(), "^1.x"), ">=1.0.0, <2.0.0-0");
  EXPECT_EQ(Range(S(), "^0.x"), ">=0.0.0, <1.0.0-0");
}

TEST(NpmRange, Tilde) {
  EXPECT_EQ(Range(S(), "~1.2.3"), ">=1.2.3, <1.3.0-0");
  EXPECT_EQ(Range(S(), "~1.2"), ">=1.2.0, <1.3.0-0");
  EXPECT_EQ(Range(S(), "~1"), ">=1.0.0, <2.0.0-0");
  EXPECT_EQ(Range(S(), "~0.2.3"), ">=0.2.3, <0.3.0-0");
  EXPECT_EQ(Range(S(), "~0"), ">=0.0.0, <1.0.0-0");
  EXPECT_EQ(Range(S(), "~1.2.3-beta.2"), ">=1.2.3-beta.2, <1.3.0-0");
}

TEST(NpmRange, XRanges) {
  EXPECT_EQ(Range(S(), "*"), "*");
  EXPECT_EQ(Range(S(), ""), "*");
  EXPECT_EQ(Range(S(), "1.x"), ">=1.0.0, <2.0.0-0");
  EXPECT_EQ(Range(S(), "1.2.x"), ">=1.2.0, <1.3.0-0");
  EXPECT_EQ(Range(S(), "1"), ">=1.0.0, <2.0.0-0");
  EXPECT_EQ(Range(S(), "1.2"), ">=1.2.0, <1.3.0-0");
  EXPECT_EQ(Range(S(), "1.*.*"), ">=1.0.0, <2.0.0-0");
  EXPECT_EQ(Range(S(), ">1.2"), ">=1.3.0-0");
  EXPECT_EQ(Range(S(), "<=1.2"), "<1.3.0-0");
  EXPECT_EQ(Range(S(), "<1.2"), "<1.2.0-0");
  EXPECT_EQ(Range(S(), ">=1"), ">=1.0.0");
}

TEST(NpmRange, HyphenRanges) {
  EXPECT_EQ(Range(S(), "1.2.3 - 2.3.4"), ">=1.2.3, <=2.3.4");
  EXPECT_EQ(Range(S(), "1.2 - 2.3.4"), ">=1.2.0, <=2.3.4");
  EXPECT_EQ(Range(S(), "1.2.3 - 2.3"), ">=1.2.3, <2.4.0-0");
  EXPECT_EQ(Range(S(), "1.2.3 - 2"), ">=1.2.3, <3.0.0-0");
}

TEST(NpmRange, ComparatorSetsAndAlternatives) {
  EXPECT_EQ(Range(S(), ">=1.2.7 <1.3.0"), ">=1.2.7, <1.3.0");
  EXPECT_EQ(Range(S(), ">= 1.2.7  < 1.3.0"), ">=1.2.7, <1.3.0");
  EXPECT_EQ(Range(S(), "1.2.7 || >=1.2.9 <2.0.0"), "=1.2.7 || >=1.2.9, <2.0.0");
  EXPECT_TRUE(InRange(S(), "1.2.7 || >=1.2.9 <2.0.0", "1.2.9"));
  EXPECT_FALSE(InRange(S(), "1.2.7 || >=1.2.9 <2.0.0", "1.2.8"));
  EXPECT_TRUE(InRange(S(), "=v1.2.3", "1.2.3"));
  EXPECT_FALSE(InRange(S(), "^4.0.0", "5.0.0-beta.1"));
}

TEST(NpmRange, RejectsGarbage) {
  for (const char* bad : {"latest", "^a.b", "1.2.3.4", ">=1.2.3 <x.y.z", "1.x-beta"}) {
    EXPECT_EQ(Range(S(), bad), "error") << bad;
  }
}

}  // namespace
}  // namespace aisec::assess::version
