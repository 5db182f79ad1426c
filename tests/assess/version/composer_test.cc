// Composer versions as Composer normalises them.
#include "assess/version/composer.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::ExpectInvalid;

TEST(Composer, NormalisesToFourParts) {
  ExpectEqual(Composer(), {"1.0.0", "v1.0.0", "1.0", "1", "1.0.0.0", "1.0.0-stable"});
}

TEST(Composer, OrdersStabilities) {
  ExpectAscending(Composer(), {"1.0.0-dev", "1.0.0-alpha1", "1.0.0-alpha2", "1.0.0-beta1-dev",
                               "1.0.0-beta1", "1.0.0-RC1", "1.0.0-RC2", "1.0.0", "1.0.0-patch1",
                               "1.0.0.1", "1.0.1"});
  ExpectEqual(Composer(), {"1.0.0-b2", "1.0.0-beta2", "1.0.0-beta.2"});
  ExpectEqual(Composer(), {"1.0.0-pl1", "1.0.0-p1", "1.0.0-patch1"});
}

TEST(Composer, BranchesAreNotVersions) {
  ExpectInvalid(Composer(), {"dev-main", "", "1.0.0-foo", "1.x"});
}

}  // namespace
}  // namespace aisec::assess::version

namespace aisec::assess::version {
namespace {

TEST(ComposerRange, Constraints) {
  using testing::Range;
  EXPECT_EQ(Range(Composer(), "^1.2.3"), ">=1.2.3, <2-dev");
  EXPECT_EQ(Range(Composer(), "^0.3"), ">=0.3, <0.4-dev");
  EXPECT_EQ(Range(Composer(), "~1.2"), ">=1.2, <2-dev");
  EXPECT_EQ(Range(Composer(), "~1.2.3"), ">=1.2.3, <1.3-dev");
  EXPECT_EQ(Range(Composer(), "1.0.*"), ">=1.0-dev, <1.1-dev");
  EXPECT_EQ(Range(Composer(), ">=1.0 <2.0"), ">=1.0, <2.0");
  EXPECT_EQ(Range(Composer(), ">=1.0,<1.1 || >=1.2"), ">=1.0, <1.1 || >=1.2");
  EXPECT_EQ(Range(Composer(), "1.0 - 2.1"), ">=1.0, <2.2-dev");
  EXPECT_EQ(Range(Composer(), "1.0.0 - 2.1.0"), ">=1.0.0, <=2.1.0");
  EXPECT_EQ(Range(Composer(), "^2.0@dev"), ">=2.0, <3-dev");
  EXPECT_EQ(Range(Composer(), "*"), "*");
  EXPECT_TRUE(testing::InRange(Composer(), "^1.2 | ^2.0", "2.5.1"));
  EXPECT_FALSE(testing::InRange(Composer(), "^1.2", "2.0.0-beta1"));
  EXPECT_TRUE(testing::InRange(Composer(), ">=1.0, !=1.5.0", "1.6"));
  EXPECT_FALSE(testing::InRange(Composer(), ">=1.0, !=1.5.0", "1.5"));
  EXPECT_EQ(Range(Composer(), "dev-main"), "error");
  EXPECT_EQ(Range(Composer(), ">="), "error");
}

}  // namespace
}  // namespace aisec::assess::version
