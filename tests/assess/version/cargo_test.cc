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

}  // namespace
}  // namespace aisec::assess::version
