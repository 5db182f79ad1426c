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
  EXPECT_EQ(Range(RubyGems(), "~> 2.2"), ">=2.2, <3");
  EXPECT_EQ(Range(RubyGems(), "~> 2.2.0"), ">=2.2.0, <2.3");
  EXPECT_EQ(Range(RubyGems(), ">= 1.0, < 2"), ">=1.0, <2");
  EXPECT_EQ(Range(RubyGems(), "1.2.3"), "=1.2.3");
  EXPECT_TRUE(testing::InRange(RubyGems(), "!= 1.1", "1.2"));
}

}  // namespace
}  // namespace aisec::assess::version
