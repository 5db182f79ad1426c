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
