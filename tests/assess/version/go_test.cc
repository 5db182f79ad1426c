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

// golang.org/ref/mod "Versions", "Pseudo-versions", "Compatibility with non-module
// repositories" and golang.org/x/mod/semver's ordering.
TEST(Go, PrecedenceTable) {
  size_t n = testing::ExpectComparisons(Go(), {
      // Release order, shorthands, with and without "v" (OSV writes none).
      {"v1.0.0", '<', "v1.0.1"}, {"v1.0.1", '<', "v1.1.0"}, {"v1.9.0", '<', "v1.10.0"}, {"v1.10.0", '<', "v2.0.0"},
      {"v0.0.1", '<', "v0.1.0"}, {"v1", '=', "v1.0.0"}, {"v1.2", '=', "v1.2.0"}, {"v1", '<', "v1.0.1"},
      {"1.2.3", '=', "v1.2.3"}, {"0.10.3", '>', "v0.10.2"}, {"v10.0.0", '>', "v9.99.99"},
      // Pre-releases (SemVer 2).
      {"v1.0.0-alpha", '<', "v1.0.0"}, {"v1.0.0-alpha", '<', "v1.0.0-alpha.1"}, {"v1.0.0-alpha.1", '<', "v1.0.0-alpha.beta"},
      {"v1.0.0-beta.2", '<', "v1.0.0-beta.11"}, {"v1.0.0-rc.1", '<', "v1.0.0"}, {"v1.0.0-1", '<', "v1.0.0-a"},
      {"v1.0.0-rc.1", '>', "v0.99.99"},
      // Build metadata and +incompatible do not change precedence.
      {"v1.0.0+meta", '=', "v1.0.0"}, {"v2.0.0+incompatible", '=', "v2.0.0"}, {"v2.0.0+incompatible", '>', "v1.99.0"},
      {"v2.0.1+incompatible", '>', "v2.0.0+incompatible"}, {"v3.0.0", '>', "v2.99.0+incompatible"},
      {"v2.0.0-rc.1+incompatible", '<', "v2.0.0+incompatible"}, {"v4.1.2+incompatible", '=', "4.1.2"},
      // Pseudo-version form 1: vX.0.0-yyyymmddhhmmss-rev, before every release of that major.
      {"v0.0.0-20191109021931-daa7c04131f5", '<', "v0.0.0-20191109021932-000000000000"},
      {"v0.0.0-20191109021931-daa7c04131f5", '<', "v0.0.0-20200101000000-aaaaaaaaaaaa"},
      {"v0.0.0-20191109021931-daa7c04131f5", '<', "v0.0.1"}, {"v0.0.0-20991231235959-ffffffffffff", '<', "v0.0.1"},
      {"v0.0.0-20191109021931-daa7c04131f5", '<', "v0.0.0"}, {"v0.0.0-20191109021931-daa7c04131f5", '<', "v0.1.0"},
      {"v0.0.0-20191109021931-daa7c04131f5", '=', "v0.0.0-20191109021931-daa7c04131f5"},
      {"v0.0.0-20191109021931-aaaaaaaaaaaa", '<', "v0.0.0-20191109021931-bbbbbbbbbbbb"},
      {"v2.0.0-20191109021931-daa7c04131f5+incompatible", '<', "v2.0.0+incompatible"},
      {"v2.0.0-20191109021931-daa7c04131f5+incompatible", '>', "v1.99.99"},
      {"v1.0.0-20191109021931-daa7c04131f5", '<', "v1.0.0-alpha"},
      {"0.0.0-20191109021931-daa7c04131f5", '=', "v0.0.0-20191109021931-daa7c04131f5"},
      // Form 2: vX.Y.(Z+1)-0.yyyymmddhhmmss-rev, after vX.Y.Z, before vX.Y.(Z+1) and its pre-releases.
      {"v1.2.4-0.20191109021931-daa7c04131f5", '>', "v1.2.3"}, {"v1.2.4-0.20191109021931-daa7c04131f5", '<', "v1.2.4"},
      {"v1.2.4-0.20191109021931-daa7c04131f5", '<', "v1.2.4-alpha"}, {"v1.2.4-0.20191109021931-daa7c04131f5", '<', "v1.2.4-1"},
      {"v1.2.4-0.20191109021931-daa7c04131f5", '<', "v1.2.4-0.20201109021931-daa7c04131f5"},
      {"v1.2.4-0.20191109021931-daa7c04131f5", '>', "v1.2.3-0.20201109021931-daa7c04131f5"},
      {"v0.10.3-0.20251107071934-6102f001a971", '<', "v0.10.3"}, {"v0.10.3-0.20251107071934-6102f001a971", '>', "0.10.2"},
      // Form 3: vX.Y.Z-pre.0.yyyymmddhhmmss-rev, after vX.Y.Z-pre, before vX.Y.Z-pre.1 and vX.Y.Z.
      {"v1.2.3-pre.0.20191109021931-daa7c04131f5", '>', "v1.2.3-pre"},
      {"v1.2.3-pre.0.20191109021931-daa7c04131f5", '<', "v1.2.3-pre.1"},
      {"v1.2.3-pre.0.20191109021931-daa7c04131f5", '<', "v1.2.3"},
      {"v1.2.3-rc.1.0.20191109021931-daa7c04131f5", '>', "v1.2.3-rc.1"},
      {"v1.2.3-rc.1.0.20191109021931-daa7c04131f5", '<', "v1.2.3-rc.2"},
      {"v1.2.3-pre.0.20191109021931-daa7c04131f5", '<', "v1.2.3-pre.0.20201109021931-daa7c04131f5"},
  });
  EXPECT_GE(n, 40u);
}

TEST(Go, RejectsTable) {
  ExpectInvalid(Go(), {"v", "v1.", "v1..2", "v1.2.3.", "v1.2.3-", "v1.2.3+", "v1.2.3-01", "v1.2.3-a..b",
                       "v1.2.3-a_b", "v1.2.3+a_b", "v1.2+meta", "v1-pre", "v-1.2.3", "V1.2.3", "v1.2.3 ",
                       " v1.2.3", "v1.2.3+incompatible+x", "v1.2.03", "v1.2.3-α", "1.2.3.4-0.20191109021931-daa7c04131f5"});
}

TEST(Go, PseudoVersionTable) {
  for (const char* yes : {"v0.0.0-20191109021931-daa7c04131f5", "v1.0.0-20191109021931-daa7c04131f5",
                          "v2.0.0-20191109021931-daa7c04131f5+incompatible", "v1.2.4-0.20191109021931-daa7c04131f5",
                          "v1.2.3-pre.0.20191109021931-daa7c04131f5", "v1.2.3-rc.1.0.20191109021931-daa7c04131f5",
                          "0.0.0-20191109021931-daa7c04131f5", "v0.10.3-0.20251107071934-6102f001a971"}) {
    EXPECT_TRUE(IsGoPseudoVersion(yes)) << yes;
  }
  for (const char* no : {"v1.2.3", "v0.0.0", "v1.2.3-rc.1", "v1.2.3-pre.1.20191109021931-daa7c04131f5",
                         "v1.2.0-20191109021931-daa7c04131f5", "v1.2.4-0.2019110902193-daa7c04131f5",
                         "v1.2.4-0.20191109021931-DAA7C04131F5", "v1.2.4-0.20191109021931-",
                         "v0.0.0-20191109021931", "v1.2.4-0.20191109021931x-daa7c04131f5", "latest"}) {
    EXPECT_FALSE(IsGoPseudoVersion(no)) << no;
  }
}

TEST(Go, RequirementTable) {
  size_t n = testing::ExpectMembership(Go(), {
      {"v1.2.3", "v1.2.3", true}, {"v1.2.3", "v1.2.2", false}, {"v1.2.3", "v1.99.0", true},
      {"v1.2.3", "v1.2.4-0.20191109021931-daa7c04131f5", true}, {"v1.2.3", "v1.2.3-rc.1", false},
      {"v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-aaaaaaaaaaaa", true},
      {"v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20180101000000-aaaaaaaaaaaa", false},
      {"v2.0.0+incompatible", "v2.0.0", true}, {"v2.0.0+incompatible", "v2.1.0+incompatible", true},
  });
  EXPECT_GE(n, 9u);
}

}  // namespace
}  // namespace aisec::assess::version
