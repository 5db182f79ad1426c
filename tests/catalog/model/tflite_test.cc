#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

TEST(TfliteCataloger, EmitsCountsAndCustomOps) {
  auto out = testing::RunCataloger(model::Tflite, testing::Fixture("model/tflite"), "custom_op.tflite");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.properties.at("aisec:format"), "tflite");
  EXPECT_EQ(c.properties.at("aisec:model:subgraphs"), "1");
  EXPECT_EQ(c.properties.at("aisec:model:operators"), "3");
  EXPECT_EQ(c.properties.at("aisec:model:custom-ops"), "TFLite_Detection_PostProcess,EvilNativeOp");
  EXPECT_TRUE(model::ClaimsTflite(testing::ReadFile(testing::Fixture("model/tflite/benign.tflite"))));
}

}  // namespace
}  // namespace aisec::catalog
