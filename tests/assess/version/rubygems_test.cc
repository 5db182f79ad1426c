// RubyGems versions (Gem::Version) and requirements (Gem::Requirement).
#include "assess/version/rubygems.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::ExpectInvalid;
using testing::Range;

TEST(RubyGems, LettersArePreReleases) {
  ExpectAscending(RubyGems(), {"0.9.9.9", "1.0.a", "1.0.a9", "1.0.a10", "1.0.b1", "1.0.0.pre",
                               "1.0.0.rc1", "1.0", "1.0.1", "1.1"});
  ExpectAscending(RubyGems(), {"1.0.0.b1", "1.0.0.rc1", "1.0.0"});
}

TEST(RubyGems, TrailingZerosAndSeparators) {
  ExpectEqual(RubyGems(), {"1", "1.0", "1.0.0"});
  ExpectEqual(RubyGems(), {"1.0.a", "1.a", "1.0.0.a"});
  ExpectEqual(RubyGems(), {"1.0.a1", "1.0.a.1"});
  ExpectEqual(RubyGems(), {"1.0-1", "1.0.pre.1"});
  ExpectEqual(RubyGems(), {"", "0"});
}

TEST(RubyGems, ComparesLettersByCase) {
  ExpectAscending(RubyGems(), {"1.0.A", "1.0.a"});
}

TEST(RubyGems, RejectsMalformed) { ExpectInvalid(RubyGems(), {"1..0", "junk", "1.0 2", "1.0.", ".1"}); }

TEST(RubyGems, Requirements) {
  EXPECT_EQ(Range(RubyGems(), "~> 2.2"), ">=2.2, <3.A");
  EXPECT_EQ(Range(RubyGems(), "~> 2.2.0"), ">=2.2.0, <2.3.A");
  EXPECT_EQ(Range(RubyGems(), ">= 1.0, < 2"), ">=1.0, <2");
  EXPECT_EQ(Range(RubyGems(), "1.2.3"), "=1.2.3");
  EXPECT_TRUE(testing::InRange(RubyGems(), "!= 1.1", "1.2"));
}

// Gem::Version: segments split at '.' and at digit/letter changes, numbers compared as numbers,
// a letter segment makes a pre-release that sorts before its release, trailing zeros of the
// release and of the pre-release part ignored, "-" written as ".pre.".
TEST(RubyGems, PrecedenceTable) {
  size_t n = testing::ExpectComparisons(RubyGems(), {
      {"1.0", '<', "1.0.1"}, {"1.0.1", '<', "1.1"}, {"1.9", '<', "1.10"}, {"1.10", '>', "1.9.9"},
      {"1.0.0.1", '>', "1.0"}, {"1.0.0.0.0.1", '>', "1"}, {"2", '>', "1.99.99"}, {"0.0.1", '<', "0.1"},
      {"1.0", '=', "1"}, {"1.0.0", '=', "1.0.0.0"}, {"01.02", '=', "1.2"}, {"1.010", '=', "1.10"},
      {"0", '=', ""}, {" 1.0 ", '=', "1.0"}, {"10.0", '>', "9.999"},
      // Pre-releases.
      {"1.0.a", '<', "1.0"}, {"1.0.a", '<', "1.0.0"}, {"1.0.a", '>', "0.9"}, {"1.0.a", '<', "1.0.b"},
      {"1.0.a1", '<', "1.0.a2"}, {"1.0.a2", '<', "1.0.a10"}, {"1.0.a1", '=', "1.0.a.1"},
      {"1.0.a", '=', "1.0.a.0"}, {"1.0.a.0.0", '=', "1.0.a"}, {"1.0.0.a", '=', "1.a"},
      {"1.0.alpha", '<', "1.0.beta"}, {"1.0.beta", '<', "1.0.pre"}, {"1.0.pre", '<', "1.0.rc"},
      {"1.0.rc1", '<', "1.0.rc2"}, {"1.0.rc9", '<', "1.0.rc10"}, {"1.0.rc", '<', "1.0.rc1"},
      {"1.0.A", '<', "1.0.a"}, {"1.0.Z", '<', "1.0.a"}, {"1.0.b", '>', "1.0.B"},
      {"2.0.0.pre", '>', "1.99"}, {"2.0.0.rc1", '<', "2.0.0"}, {"2.0.0.rc1", '>', "2.0.0.beta2"},
      {"1.0.a.1", '<', "1.0.a.2"}, {"1.0.a.2", '>', "1.0.a.b"}, {"1.0.a.b", '<', "1.0.b.a"},
      {"1.0.a1b", '=', "1.0.a.1.b"}, {"1.2.3.pre.1", '<', "1.2.3"}, {"1.2.3.pre", '>', "1.2.2"},
      // "-" stands for ".pre.".
      {"1.0-1", '=', "1.0.pre.1"}, {"1.0.0-rc1", '=', "1.0.0.pre.rc1"}, {"1.0-beta", '<', "1.0"},
      {"1.0.0-1", '<', "1.0.0"}, {"1.0.0-2", '>', "1.0.0-1"},
      // Letter segments compare as strings, after numbers.
      {"1.0.a", '<', "1.0.0.1"}, {"1.a", '<', "1.0.0.1"}, {"3.0.0.beta", '<', "3.0.0.beta.1"},
      {"1.2.b", '>', "1.2.a.9999"},
  });
  EXPECT_GE(n, 40u);
}

TEST(RubyGems, RejectsTable) {
  ExpectInvalid(RubyGems(), {"1..0", "junk", "1.0 2", "1.0.", ".1", "a", "1.0_1", "1.0+1", "1.0.0-", "1.0-.1",
                             "-1", "1,0", "v1.0", "1.0.é"});
}

// Gem::Requirement operators; "~>" (pessimistic) is >= the version and below the next release of
// the second-last segment, pre-releases of that next release included (Gem's release < bump).
TEST(RubyGems, RequirementTable) {
  size_t n = testing::ExpectMembership(RubyGems(), {
      {"= 1.0", "1.0", true}, {"= 1.0", "1.0.0", true}, {"= 1.0", "1.0.1", false}, {"1.0", "1", true},
      {"!= 1.0", "1.0", false}, {"!= 1.0", "1.1", true}, {"!= 1.0", "0.9", true},
      {"> 1.0", "1.0", false}, {"> 1.0", "1.0.0.1", true}, {"> 1.0", "1.1.a", true},
      {"< 1.0", "1.0", false}, {"< 1.0", "0.9", true}, {"< 1.0", "1.0.a", true},
      {">= 1.0", "1.0", true}, {">= 1.0", "1.0.a", false}, {">= 1.0", "2.0", true},
      {"<= 1.0", "1.0", true}, {"<= 1.0", "1.0.0.1", false},
      {"~> 2.2", "2.2", true}, {"~> 2.2", "2.9.9", true}, {"~> 2.2", "3.0", false}, {"~> 2.2", "2.1", false},
      {"~> 2.2", "3.0.a", false}, {"~> 2.2", "3.0.0.pre", false}, {"~> 2.2", "2.9.a", true},
      {"~> 2.2.0", "2.2.0", true}, {"~> 2.2.0", "2.2.9", true}, {"~> 2.2.0", "2.3", false},
      {"~> 2.2.0", "2.3.0.rc1", false}, {"~> 2.2.0", "2.2.0.rc1", false},
      {"~> 2.2.3", "2.2.3", true}, {"~> 2.2.3", "2.2.2", false}, {"~> 2.2.3", "2.2.99", true},
      {"~> 2", "2.0", true}, {"~> 2", "2.99", true}, {"~> 2", "3.0", false},
      {"~> 1.0.0.beta", "1.0.0.beta", true}, {"~> 1.0.0.beta", "1.0.0", true}, {"~> 1.0.0.beta", "1.0.1", true},
      {"~> 1.0.0.beta", "1.1", false}, {"~> 1.0.0.beta", "1.0.0.alpha", false},
      {"~> 0.9", "0.9.5", true}, {"~> 0.9", "1.0", false},
      {">= 1.0, < 2", "1.5", true}, {">= 1.0, < 2", "2.0", false}, {">= 1.0, < 2", "0.9", false},
      {"~> 1.2, >= 1.2.3", "1.2.2", false}, {"~> 1.2, >= 1.2.3", "1.2.3", true}, {"~> 1.2, >= 1.2.3", "1.9", true},
      {"~> 1.2, != 1.5.0", "1.5.0", false}, {"~> 1.2, != 1.5.0", "1.5.1", true},
      {">=1.0", "1.0", true}, {"~>1.1", "1.1.5", true}, {"  ~>  1.1  ", "1.9", true},
  });
  EXPECT_GE(n, 50u);
}

}  // namespace
}  // namespace aisec::assess::version
