// The schema validator itself must be able to fail, or every schema test would pass vacuously.
#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec {
namespace {

TEST(SchemaValidator, AcceptsValidAndRejectsInvalidBoms) {
  auto dir = testing::SharedDir() / "schemas" / "examples";
  EXPECT_EQ(testing::SchemaErrors("cyclonedx", testing::ReadFile(dir / "mlbom-minimal-1.6.json")), "");
  EXPECT_NE(testing::SchemaErrors("cyclonedx", testing::ReadFile(dir / "mlbom-invalid-1.6.json")), "");
  EXPECT_NE(testing::SchemaErrors("cyclonedx", "{not json"), "");
  EXPECT_EQ(testing::SchemaErrors("sarif", testing::ReadFile(dir / "minimal-2.1.0.sarif")), "");
  EXPECT_NE(testing::SchemaErrors("sarif", "{\"version\": \"9\"}"), "");
}

}  // namespace
}  // namespace aisec
