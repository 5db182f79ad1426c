#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(SafetensorsCataloger, EmitsAModelWithHeaderProperties) {
  auto out = RunCataloger(model::Safetensors, Fixture("model/safetensors"), "benign.safetensors");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kModel);
  EXPECT_EQ(c.name, "benign");
  EXPECT_EQ(c.properties.at("aisec:format"), "safetensors");
  EXPECT_EQ(c.properties.at("aisec:model:tensors"), "5");
  EXPECT_EQ(c.properties.at("aisec:model:parameters"), "18");
  EXPECT_EQ(c.properties.at("aisec:model:dtype"), "BF16,BOOL,F16,F32");
  EXPECT_EQ(c.properties.at("aisec:model:framework"), "pt");
  ASSERT_EQ(c.hashes.size(), 1u);
  EXPECT_EQ(c.hashes[0].value.size(), 64u);
  EXPECT_EQ(c.purl, "pkg:generic/benign?checksum=sha256%3A" + c.hashes[0].value);
  ASSERT_EQ(c.evidence.size(), 1u);
  EXPECT_EQ(c.evidence[0].method, EvidenceMethod::kHeader);
  EXPECT_TRUE(out.warnings.empty());
}

TEST(SafetensorsCataloger, HostileHeaderIsAWarningNotAComponent) {
  for (const char* name : {"oversized_header.safetensors", "header_past_eof.safetensors",
                           "deep_nesting.safetensors", "truncated_length.safetensors"}) {
    auto out = RunCataloger(model::Safetensors, Fixture("model/safetensors"), name);
    EXPECT_TRUE(out.components.empty()) << name;
    ASSERT_EQ(out.warnings.size(), 1u) << name;
    EXPECT_EQ(out.warnings[0].location.path, name);
  }
}

TEST(SafetensorsCataloger, ClaimsByContent) {
  std::string head = testing::ReadFile(Fixture("model/safetensors/benign.safetensors")).substr(0, 64);
  EXPECT_TRUE(model::ClaimsSafetensors(head));
  EXPECT_FALSE(model::ClaimsSafetensors("{\"not\": \"safetensors\"}"));
}

}  // namespace
}  // namespace aisec::catalog
