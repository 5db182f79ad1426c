#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(OnnxCataloger, EmitsAModelWithOpsetsAndProducer) {
  auto out = RunCataloger(model::Onnx, Fixture("model/onnx"), "custom_domain.onnx");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kModel);
  EXPECT_EQ(c.name, "custom_domain");
  EXPECT_EQ(c.properties.at("aisec:format"), "onnx");
  EXPECT_EQ(c.properties.at("aisec:model:onnx-ir-version"), "8");
  EXPECT_EQ(c.properties.at("aisec:model:opsets"), "ai.onnx:17,com.evil.ops:1");
  EXPECT_EQ(c.properties.at("aisec:model:producer"), "pytorch 2.1.0");
  EXPECT_EQ(c.properties.at("aisec:model:operator-domains"), "com.evil.ops");
  EXPECT_EQ(c.properties.at("aisec:model:metadata:author"), "aisec fixtures");
  EXPECT_EQ(c.hashes.size(), 1u);
}

TEST(OnnxCataloger, CountsParametersAndExternalData) {
  auto out = RunCataloger(model::Onnx, Fixture("model/onnx/external_ok"), "model.onnx");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].properties.at("aisec:model:parameters"), "20");
  EXPECT_EQ(out.components[0].properties.at("aisec:model:external-data-tensors"), "1");
}

TEST(OnnxCataloger, MalformedIsAWarning) {
  auto out = RunCataloger(model::Onnx, Fixture("model/onnx"), "truncated.onnx");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("offset"), std::string::npos);
}

TEST(OnnxCataloger, GitLfsPointerBecomesAModelWithTheRealDigest) {
  auto out = RunCataloger(model::Onnx, Fixture("model/onnx"), "lfs_pointer.onnx");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.properties.at("aisec:git-lfs-pointer"), "true");
  EXPECT_EQ(c.properties.at("aisec:size"), "123456789");
  ASSERT_EQ(c.hashes.size(), 1u);
  std::string expected;
  for (int i = 0; i < 32; ++i) expected += "ab";
  EXPECT_EQ(c.hashes[0].value, expected);
  EXPECT_TRUE(out.warnings.empty());
}

}  // namespace
}  // namespace aisec::catalog
