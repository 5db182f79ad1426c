// Cargo: strict SemVer versions and Cargo's requirement syntax (The Cargo Book, "Specifying
// Dependencies").
#include "assess/version/cargo.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectInvalid;
using testing::Range;

TEST(Cargo, OrdersLikeSemver) {
  ExpectAscending(Cargo(), {"0.1.0", "0.1.1-alpha.1", "0.1.1", "1.0.0-rc.1", "1.0.0", "1.0.1"});
}

TEST(Cargo, IsStrict) {
  ExpectInvalid(Cargo(), {"v1.2.3", "=1.2.3", "01.2.3", "1.2.3-01", "1.2", " 1.2.3"});
}

TEST(Cargo, BareRequirementIsCaret) {
  EXPECT_EQ(Range(Cargo(), "1.2.3"), ">=1.2.3, <2.0.0-0");
  EXPECT_EQ(Range(Cargo(), "0.2"), ">=0.2.0, <0.3.0-0");
  EXPECT_EQ(Range(Cargo(), "=1.2.3"), "=1.2.3");
  EXPECT_EQ(Range(Cargo(), "~1.2"), ">=1.2.0, <1.3.0-0");
  EXPECT_EQ(Range(Cargo(), ">=1.2, <1.5"), ">=1.2.0, <1.5.0-0");
  EXPECT_EQ(Range(Cargo(), "*"), "*");
}

// SemVer 2.0.0 §11 precedence as Cargo applies it (strict parsing, build metadata ignored).
TEST(Cargo, PrecedenceTable) {
  size_t n = testing::ExpectComparisons(Cargo(), {
      {"1.0.0", '<', "2.0.0"}, {"2.0.0", '<', "2.1.0"}, {"2.1.0", '<', "2.1.1"},
      {"1.9.0", '<', "1.10.0"}, {"1.0.9", '<', "1.0.10"}, {"9.0.0", '<', "10.0.0"},
      {"0.0.1", '<', "0.1.0"}, {"0.1.0", '<', "1.0.0"}, {"1.2.3", '=', "1.2.3"},
      {"1.0.0-alpha", '<', "1.0.0"}, {"1.0.0-alpha", '<', "1.0.0-alpha.1"},
      {"1.0.0-alpha.1", '<', "1.0.0-alpha.beta"}, {"1.0.0-alpha.beta", '<', "1.0.0-beta"},
      {"1.0.0-beta", '<', "1.0.0-beta.2"}, {"1.0.0-beta.2", '<', "1.0.0-beta.11"},
      {"1.0.0-beta.11", '<', "1.0.0-rc.1"}, {"1.0.0-rc.1", '<', "1.0.0"},
      {"1.0.0-1", '<', "1.0.0-2"}, {"1.0.0-2", '<', "1.0.0-10"}, {"1.0.0-10", '<', "1.0.0-a"},
      {"1.0.0-999", '<', "1.0.0-0a"}, {"1.0.0-Z", '<', "1.0.0-a"}, {"1.0.0-a", '<', "1.0.0-a.0"},
      {"1.0.0-a.1", '<', "1.0.0-a.a"}, {"1.0.0-a-b", '>', "1.0.0-a"}, {"1.0.0-rc.1", '<', "1.0.0-rc.1.0"},
      {"1.0.0-x.7.z.92", '<', "1.0.0-x.7.z.93"}, {"1.0.0-0.3.7", '<', "1.0.0-alpha"},
      {"1.0.0+build", '=', "1.0.0"}, {"1.0.0+a", '=', "1.0.0+b"}, {"1.0.0-rc.1+x", '=', "1.0.0-rc.1"},
      {"1.0.0-rc.1+build.1", '<', "1.0.0"}, {"1.0.0+20130313144700", '=', "1.0.0+exp.sha.5114f85"},
      {"2.0.0-alpha", '>', "1.99.99"}, {"1.0.0-alpha", '>', "0.9.9"},
      {"18446744073709551616.0.0", '>', "18446744073709551615.0.0"},
      {"0.0.0", '<', "0.0.1-alpha"}, {"1.1.0-alpha", '>', "1.0.5"}, {"1.0.0-beta.0", '<', "1.0.0-beta.1"},
      {"1.0.0--", '<', "1.0.0--a"}, {"1.0.0-alpha.1", '<', "1.0.0-alpha.1.1"},
  });
  EXPECT_GE(n, 40u);
}

TEST(Cargo, RejectsTable) {
  ExpectInvalid(Cargo(), {"", "1", "1.0", "1.0.0.0", "1.0.0-", "1.0.0+", "1.0.0-a..b", "1.0.0-a_b", "01.0.0",
                          "1.00.0", "1.0.00", "1.0.0-00", "1.0.0-01.a", "a.b.c", "1.0.x", "*", "^1.0.0",
                          "1.0.0 ", "-1.0.0", "1.0.0+a+b", "1.-1.0", "1.0.0-α"});
}

// The Cargo Book, "Specifying Dependencies": caret (also the default), tilde, wildcard and
// comparison requirements, including the 0.x caret rules.
TEST(Cargo, RequirementTable) {
  size_t n = testing::ExpectMembership(Cargo(), {
      // Caret and bare: changes that do not modify the left-most non-zero digit.
      {"1.2.3", "1.2.3", true}, {"1.2.3", "1.9.0", true}, {"1.2.3", "2.0.0", false}, {"1.2.3", "1.2.2", false},
      {"^1.2.3", "1.2.3", true}, {"^1.2.3", "1.99.99", true}, {"^1.2.3", "2.0.0", false},
      {"^1.2", "1.2.0", true}, {"^1.2", "1.1.9", false}, {"^1.2", "2.0.0", false},
      {"^1", "1.0.0", true}, {"^1", "1.99.0", true}, {"^1", "2.0.0", false}, {"^1", "0.9.0", false},
      {"^0.2.3", "0.2.3", true}, {"^0.2.3", "0.2.9", true}, {"^0.2.3", "0.3.0", false}, {"^0.2.3", "0.2.2", false},
      {"^0.2", "0.2.0", true}, {"^0.2", "0.2.99", true}, {"^0.2", "0.3.0", false},
      {"^0.0.3", "0.0.3", true}, {"^0.0.3", "0.0.4", false}, {"^0.0.3", "0.0.2", false},
      {"^0.0", "0.0.0", true}, {"^0.0", "0.0.9", true}, {"^0.0", "0.1.0", false},
      {"^0", "0.0.0", true}, {"^0", "0.99.0", true}, {"^0", "1.0.0", false},
      {"0.2", "0.2.5", true}, {"0.2", "0.3.0", false}, {"0.0.3", "0.0.4", false},
      // Tilde: only patch changes when minor is given.
      {"~1.2.3", "1.2.3", true}, {"~1.2.3", "1.2.9", true}, {"~1.2.3", "1.3.0", false}, {"~1.2.3", "1.2.2", false},
      {"~1.2", "1.2.0", true}, {"~1.2", "1.2.99", true}, {"~1.2", "1.3.0", false},
      {"~1", "1.0.0", true}, {"~1", "1.99.0", true}, {"~1", "2.0.0", false},
      {"~0.2.3", "0.2.5", true}, {"~0.2.3", "0.3.0", false},
      // Wildcards.
      {"*", "0.0.0", true}, {"*", "99.0.0", true},
      {"1.*", "1.0.0", true}, {"1.*", "1.99.0", true}, {"1.*", "2.0.0", false}, {"1.*", "0.9.0", false},
      {"1.2.*", "1.2.0", true}, {"1.2.*", "1.2.9", true}, {"1.2.*", "1.3.0", false},
      {"0.*", "0.9.0", true}, {"0.*", "1.0.0", false},
      // Comparisons and several requirements.
      {">=1.2.0", "1.2.0", true}, {">=1.2.0", "1.1.9", false}, {">=1.2.0", "5.0.0", true},
      {">1.2.0", "1.2.0", false}, {">1.2.0", "1.2.1", true},
      {"<1.2.0", "1.1.9", true}, {"<1.2.0", "1.2.0", false},
      {"<=1.2.0", "1.2.0", true}, {"<=1.2.0", "1.2.1", false},
      {"=1.2.3", "1.2.3", true}, {"=1.2.3", "1.2.4", false},
      {">= 1.2, < 1.5", "1.2.0", true}, {">= 1.2, < 1.5", "1.4.99", true}, {">= 1.2, < 1.5", "1.5.0", false},
      {">=1.0.0, <2.0.0", "2.0.0", false}, {">=1.0.0, <2.0.0", "1.0.0", true},
      // Partial versions in comparisons: "<1.2" is "<1.2.0", "<=1.2" is "<1.3.0", ">1.2" is ">=1.3.0".
      {"<1.2", "1.1.99", true}, {"<1.2", "1.2.0", false}, {"<=1.2", "1.2.99", true}, {"<=1.2", "1.3.0", false},
      {">1.2", "1.2.99", false}, {">1.2", "1.3.0", true}, {">=1.2", "1.2.0", true},
      {"=1.2", "1.2.5", true}, {"=1.2", "1.3.0", false}, {"=1", "1.9.9", true}, {"=1", "2.0.0", false},
      // Pre-releases: the upper bound excludes pre-releases of the next version.
      {"^1.2.3", "2.0.0-alpha", false}, {"~1.2.3", "1.3.0-alpha", false}, {"1.*", "2.0.0-rc.1", false},
      {"^1.2.3-alpha.1", "1.2.3-alpha.1", true}, {"^1.2.3-alpha.1", "1.2.3-alpha.2", true},
      {"^1.2.3-alpha.1", "1.2.3", true}, {"^1.2.3-alpha.1", "1.2.3-alpha.0", false},
      {">=1.0.0-rc.1", "1.0.0-rc.2", true}, {">=1.0.0-rc.1", "1.0.0-beta", false},
      {"^1.2.3", "1.2.3+build", true}, {"=1.2.3", "1.2.3+build.5", true},
  });
  EXPECT_GE(n, 90u);
}

}  // namespace
}  // namespace aisec::assess::version
