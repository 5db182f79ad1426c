#include "assess/version/range.h"

#include "assess/version/semver.h"
#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

Version V(const char* t) { return *Semver().Parse(t); }

TEST(VersionSet, NormalizesAndMerges) {
  VersionSet s({Interval{Bound{V("2.0.0"), true}, Bound{V("3.0.0"), false}},
                Interval{Bound{V("1.0.0"), true}, Bound{V("2.0.0"), false}},
                Interval{Bound{V("5.0.0"), true}, Bound{V("4.0.0"), false}}});
  EXPECT_EQ(s.Normalized(Semver()).ToString(), ">=1.0.0, <3.0.0");
}

TEST(VersionSet, KeepsGapsBetweenExclusiveBounds) {
  VersionSet s({Interval::Below(V("1.0.0")), Interval{Bound{V("1.0.0"), false}, std::nullopt}});
  EXPECT_EQ(s.Normalized(Semver()).ToString(), "<1.0.0 || >1.0.0");
  EXPECT_EQ(s.Complement(Semver()).ToString(), "=1.0.0");
}

TEST(VersionSet, Complement) {
  VersionSet affected({Interval{std::nullopt, Bound{V("1.2.0"), false}},
                       Interval{Bound{V("2.0.0"), true}, Bound{V("2.1.3"), true}}});
  EXPECT_EQ(affected.Complement(Semver()).ToString(), ">=1.2.0, <2.0.0 || >2.1.3");
  EXPECT_EQ(VersionSet().Complement(Semver()).ToString(), "*");
  EXPECT_EQ(VersionSet::All().Complement(Semver()).ToString(), "none");
}

TEST(VersionSet, IntersectsAndOverlaps) {
  VersionSet a = VersionSet::Of(Interval{Bound{V("1.0.0"), true}, Bound{V("2.0.0"), false}});
  VersionSet b = VersionSet::Of(Interval{Bound{V("2.0.0"), true}, std::nullopt});
  VersionSet c = VersionSet::Of(Interval{Bound{V("1.5.0"), false}, Bound{V("2.0.0"), true}});
  EXPECT_FALSE(a.Overlaps(Semver(), b));
  EXPECT_TRUE(a.Overlaps(Semver(), c));
  EXPECT_EQ(a.Intersect(Semver(), c).ToString(), ">1.5.0, <2.0.0");
  EXPECT_TRUE(b.Overlaps(Semver(), c));
  EXPECT_EQ(b.Intersect(Semver(), c).ToString(), "=2.0.0");
}

}  // namespace
}  // namespace aisec::assess::version
