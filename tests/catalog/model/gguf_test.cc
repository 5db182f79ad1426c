#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(GgufCataloger, EmitsAModelFromTheMetadata) {
  auto out = RunCataloger(model::Gguf, Fixture("model/gguf"), "benign_v3.gguf");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kModel);
  EXPECT_EQ(c.name, "Tiny Llama Fixture");
  EXPECT_EQ(c.properties.at("aisec:format"), "gguf");
  EXPECT_EQ(c.properties.at("aisec:model:architecture"), "llama");
  EXPECT_EQ(c.properties.at("aisec:model:quantization"), "Q4_K_M");
  EXPECT_EQ(c.properties.at("aisec:model:parameters"), "1280");
  EXPECT_EQ(c.properties.at("aisec:model:chat-template"), "present");
  ASSERT_EQ(c.licenses.size(), 1u);
  EXPECT_EQ(c.licenses[0], "apache-2.0");
  ASSERT_TRUE(c.ai.has_value());
  EXPECT_EQ(c.ai->model_family, "llama");
  EXPECT_EQ(c.evidence[0].method, EvidenceMethod::kMagicBytes);
  EXPECT_EQ(c.hashes.size(), 1u);
}

TEST(GgufCataloger, HostileHeadersAreWarnings) {
  for (const char* name : {"absurd_kv_count.gguf", "absurd_string.gguf", "deep_array.gguf",
                           "truncated.gguf"}) {
    auto out = RunCataloger(model::Gguf, Fixture("model/gguf"), name);
    EXPECT_TRUE(out.components.empty()) << name;
    ASSERT_EQ(out.warnings.size(), 1u) << name;
    EXPECT_NE(out.warnings[0].message.find("offset"), std::string::npos);
  }
}

}  // namespace
}  // namespace aisec::catalog
