// PEP 440 version specifiers ("Version specifiers" section of the PEP).
#include "assess/version/pep440.h"
#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::InRange;
using testing::Range;

const Scheme& S() { return Pep440(); }

TEST(Pep440Specifier, InclusiveAndExclusiveBounds) {
  EXPECT_TRUE(InRange(S(), ">=2.0,<2.3", "2.0"));
  EXPECT_TRUE(InRange(S(), ">=2.0,<2.3", "2.2.9"));
  EXPECT_TRUE(InRange(S(), ">=2.0,<2.3", "2.0.post1"));
  EXPECT_FALSE(InRange(S(), ">=2.0,<2.3", "2.3"));
  EXPECT_FALSE(InRange(S(), ">=2.0,<2.3", "1.9.9"));
  EXPECT_TRUE(InRange(S(), "<=2.3", "2.3.0"));
  EXPECT_FALSE(InRange(S(), ">2.3", "2.3"));
  EXPECT_TRUE(InRange(S(), ">2.3", "2.3.1"));
  EXPECT_TRUE(InRange(S(), " >= 2.0 , < 2.3 ", "2.1"));
  EXPECT_TRUE(InRange(S(), "(>=2.0,<2.3)", "2.1"));
}

TEST(Pep440Specifier, LessThanExcludesPreReleasesOfTheBound) {
  EXPECT_FALSE(InRange(S(), "<2.3", "2.3rc1"));
  EXPECT_FALSE(InRange(S(), "<2.3", "2.3.dev0"));
  EXPECT_TRUE(InRange(S(), "<2.3", "2.2.post5"));
  EXPECT_TRUE(InRange(S(), "<2.3rc1", "2.3a1"));  // the bound is itself a pre-release
  EXPECT_EQ(Range(S(), "<2.3"), "<2.3.dev0");
}

TEST(Pep440Specifier, PrefixMatching) {
  EXPECT_TRUE(InRange(S(), "==2.*", "2.0"));
  EXPECT_TRUE(InRange(S(), "==2.*", "2.9.1"));
  EXPECT_TRUE(InRange(S(), "==2.*", "2.0a1"));
  EXPECT_FALSE(InRange(S(), "==2.*", "3.0"));
  EXPECT_FALSE(InRange(S(), "==2.*", "3.0.dev0"));
  EXPECT_FALSE(InRange(S(), "==2.*", "1.9"));
  EXPECT_TRUE(InRange(S(), "==1.9.*", "1.9"));
  EXPECT_FALSE(InRange(S(), "==1.9.*", "1.10"));
  EXPECT_EQ(Range(S(), "==1.9.*"), ">=1.9.dev0, <1.10.dev0");
  EXPECT_EQ(Range(S(), "==1.99.*"), ">=1.99.dev0, <1.100.dev0");
}

TEST(Pep440Specifier, Exclusion) {
  EXPECT_TRUE(InRange(S(), "!=2.1", "2.0"));
  EXPECT_TRUE(InRange(S(), "!=2.1", "2.2"));
  EXPECT_FALSE(InRange(S(), "!=2.1", "2.1"));
  EXPECT_FALSE(InRange(S(), "!=2.1", "2.1.0"));
  EXPECT_FALSE(InRange(S(), "!=2.1.*", "2.1.5"));
  EXPECT_TRUE(InRange(S(), "!=2.1.*", "2.2"));
  EXPECT_TRUE(InRange(S(), ">=2.0,!=2.1.*,<3", "2.2"));
  EXPECT_FALSE(InRange(S(), ">=2.0,!=2.1.*,<3", "2.1.1"));
}

TEST(Pep440Specifier, CompatibleRelease) {
  EXPECT_TRUE(InRange(S(), "~=2.2", "2.2"));
  EXPECT_TRUE(InRange(S(), "~=2.2", "2.9"));
  EXPECT_FALSE(InRange(S(), "~=2.2", "3.0"));
  EXPECT_FALSE(InRange(S(), "~=2.2", "2.1"));
  EXPECT_TRUE(InRange(S(), "~=1.4.5", "1.4.9"));
  EXPECT_FALSE(InRange(S(), "~=1.4.5", "1.5.0"));
  EXPECT_FALSE(InRange(S(), "~=1.4.5", "1.4.4"));
  EXPECT_TRUE(InRange(S(), "~=2.2.post3", "2.2.post3"));
  EXPECT_FALSE(InRange(S(), "~=2.2.post3", "3.0"));
  EXPECT_EQ(Range(S(), "~=1.4.5"), ">=1.4.5, <1.5.dev0");
}

TEST(Pep440Specifier, ExactAndArbitraryEquality) {
  EXPECT_TRUE(InRange(S(), "==1.0", "1.0.0"));
  EXPECT_FALSE(InRange(S(), "==1.0", "1.0.1"));
  EXPECT_TRUE(InRange(S(), "===1.0", "1.0"));
  EXPECT_EQ(Range(S(), "==1.0"), "=1.0");
  EXPECT_EQ(Range(S(), ""), "*");
}

TEST(Pep440Specifier, RejectsInvalidSpecifiers) {
  for (const char* bad : {"~=1", ">=", "foo", "=>1.0", ">=1.0.*", "==1.0.*.*", ">=1.0,,<2",
                          "~=1.*"}) {
    EXPECT_EQ(Range(S(), bad), "error") << bad;
  }
}

TEST(Pep440Specifier, OverlapsAnAffectedRange) {
  auto spec = S().ParseRange(">=2.0,<2.3");
  ASSERT_TRUE(spec.ok());
  auto v = [](const char* t) { return *Pep440().Parse(t); };
  VersionSet affected = VersionSet::Of(Interval{Bound{v("2.1"), true}, Bound{v("2.2.1"), false}});
  VersionSet later = VersionSet::Of(Interval{Bound{v("2.3"), true}, Bound{v("2.4"), false}});
  VersionSet touching = VersionSet::Of(Interval{Bound{v("1.0"), true}, Bound{v("2.0"), false}});
  EXPECT_TRUE(spec->Overlaps(S(), affected));
  EXPECT_FALSE(spec->Overlaps(S(), later));
  EXPECT_FALSE(spec->Overlaps(S(), touching));
}

}  // namespace
}  // namespace aisec::assess::version

namespace aisec::assess::version {
namespace {

TEST(Pep440Specifier, PoetryConstraints) {
  EXPECT_EQ(testing::Range(Pep440(), "^1.2.3"), ">=1.2.3, <2.dev0");
  EXPECT_EQ(testing::Range(Pep440(), "^0.2.3"), ">=0.2.3, <0.3.dev0");
  EXPECT_EQ(testing::Range(Pep440(), "^0.0.3"), ">=0.0.3, <0.0.4.dev0");
  EXPECT_EQ(testing::Range(Pep440(), "~1.2.3"), ">=1.2.3, <1.3.dev0");
  EXPECT_EQ(testing::Range(Pep440(), "~1"), ">=1, <2.dev0");
  EXPECT_EQ(testing::Range(Pep440(), "1.2.3"), "=1.2.3");
  EXPECT_EQ(testing::Range(Pep440(), "*"), "*");
  EXPECT_EQ(testing::Range(Pep440(), "^1.0 || ^3.0"), ">=1.0, <2.dev0 || >=3.0, <4.dev0");
  EXPECT_EQ(testing::Range(Pep440(), ">=1.2,<1.5"), ">=1.2, <1.5.dev0");
  EXPECT_TRUE(testing::InRange(Pep440(), "~=1.4.5", "1.4.6"));  // still PEP 440, not Poetry's ~
  EXPECT_TRUE(testing::InRange(Pep440(), "1.2.*", "1.2.9"));
  EXPECT_EQ(testing::Range(Pep440(), "^x"), "error");
}

}  // namespace
}  // namespace aisec::assess::version
