// Go module versions: semver with "v", shorthands, +incompatible and pseudo-versions
// (golang.org/ref/mod, "Versions" and "Pseudo-versions").
#include "assess/version/go.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::ExpectInvalid;

TEST(Go, AcceptsVersionsWithAndWithoutThePrefix) {
  ExpectEqual(Go(), {"v1.2.3", "1.2.3"});
  ExpectEqual(Go(), {"v1.2", "v1.2.0"});
  ExpectEqual(Go(), {"v1", "v1.0.0"});
}

TEST(Go, IncompatibleIsBuildMetadata) {
  ExpectEqual(Go(), {"v2.0.0+incompatible", "v2.0.0"});
  ExpectAscending(Go(), {"v1.9.9", "v2.0.0+incompatible", "v2.0.1+incompatible", "v3.0.0"});
}

TEST(Go, PseudoVersionsOrderByBaseThenTime) {
  // vX.0.0-ts-rev: before any release of that major version.
  ExpectAscending(Go(), {"v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-aaaaaaaaaaaa",
                         "v0.1.0"});
  // vX.Y.(Z+1)-0.ts-rev: after vX.Y.Z, before vX.Y.(Z+1).
  ExpectAscending(Go(), {"v1.2.3", "v1.2.4-0.20191109021931-daa7c04131f5",
                         "v1.2.4-0.20201109021931-daa7c04131f5", "v1.2.4-rc.1", "v1.2.4"});
  // vX.Y.Z-pre.0.ts-rev: after vX.Y.Z-pre.
  ExpectAscending(Go(), {"v1.2.3-pre", "v1.2.3-pre.0.20191109021931-daa7c04131f5", "v1.2.3"});
}

TEST(Go, OrdersTheMilvusAdvisoryBound) {
  // GO-2025-4114: fixed in 0.10.3-0.20251107071934-6102f001a971, then re-introduced at 0.10.4.
  ExpectAscending(Go(), {"0.10.2", "v0.10.3-0.20251107071934-6102f001a971", "0.10.3", "0.10.4",
                         "v2.4.23"});
}

TEST(Go, RecognisesPseudoVersions) {
  EXPECT_TRUE(IsGoPseudoVersion("v0.0.0-20191109021931-daa7c04131f5"));
  EXPECT_TRUE(IsGoPseudoVersion("v1.2.4-0.20191109021931-daa7c04131f5"));
  EXPECT_TRUE(IsGoPseudoVersion("v1.2.3-pre.0.20191109021931-daa7c04131f5"));
  EXPECT_TRUE(IsGoPseudoVersion("v2.0.0-20191109021931-daa7c04131f5+incompatible"));
  EXPECT_FALSE(IsGoPseudoVersion("v1.2.3"));
  EXPECT_FALSE(IsGoPseudoVersion("v1.2.3-rc.1"));
  EXPECT_FALSE(IsGoPseudoVersion("v1.2.4-1.20191109021931-daa7c04131f5"));
  EXPECT_FALSE(IsGoPseudoVersion("v1.2.4-0.2019110902193-daa7c04131f5"));
}

TEST(Go, RejectsWhatGoRejects) {
  ExpectInvalid(Go(), {"", "latest", "v1.2.3.4", "v01.2.3", "v1.02.3", "v1.2-pre", "vx.y.z",
                       "master"});
}

TEST(Go, RequirementIsAMinimum) {
  EXPECT_EQ(testing::Range(Go(), "v1.2.3"), ">=v1.2.3");
}

}  // namespace
}  // namespace aisec::assess::version
