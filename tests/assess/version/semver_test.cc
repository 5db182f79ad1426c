// SemVer 2.0.0 precedence (semver.org §11) and npm's loose spellings.
#include "assess/version/semver.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::ExpectInvalid;

TEST(Semver, OrdersTheSpecificationExample) {
  ExpectAscending(Semver(), {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                             "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"});
  ExpectAscending(Semver(), {"1.0.0", "2.0.0", "2.1.0", "2.1.1"});
}

TEST(Semver, ComparesNumbersNumerically) {
  ExpectAscending(Semver(), {"1.2.9", "1.2.10", "1.10.0", "10.0.0",
                             "10.0.99999999999999999999", "10.0.100000000000000000000"});
}

TEST(Semver, NumericIdentifiersSortBeforeAlphanumericOnes) {
  ExpectAscending(Semver(), {"1.0.0-0", "1.0.0-1", "1.0.0-2", "1.0.0-10", "1.0.0-1a",
                             "1.0.0-A", "1.0.0-a", "1.0.0-a.0", "1.0.0-a.b", "1.0.0-a-b"});
}

TEST(Semver, IgnoresBuildMetadata) {
  ExpectEqual(Semver(), {"1.0.0", "1.0.0+build.1", "1.0.0+20130313144700", "1.0.0+exp.sha.5114f85"});
  ExpectEqual(Semver(), {"1.0.0-beta+exp.sha.5114f85", "1.0.0-beta"});
}

TEST(Semver, AcceptsNpmLooseSpellings) {
  ExpectEqual(Semver(), {"1.2.3", "v1.2.3", "=1.2.3", " 1.2.3 ", "V1.2.3", "= v1.2.3"});
}

TEST(Semver, RejectsWhatIsNotSemver) {
  ExpectInvalid(Semver(), {"", "1", "1.2", "1.2.3.4", "1.2.x", "a.b.c", "1.2.3-", "1.2.3-a..b",
                           "1.2.3+", "1.2.3-a_b", "1.2.-3", "latest"});
}

}  // namespace
}  // namespace aisec::assess::version
