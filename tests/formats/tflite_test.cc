#include "formats/tflite/tflite.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::tflite {
namespace {

Model ParseFixture(const std::string& name) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/tflite/" + name));
  MemorySource src(bytes);
  return Parse(src);
}

TEST(Tflite, ReadsVersionOperatorsSubgraphsAndMetadata) {
  Model m = ParseFixture("benign.tflite");
  ASSERT_TRUE(m.complete) << (m.issues.empty() ? "" : m.issues.back().detail);
  EXPECT_EQ(m.version, 3u);
  EXPECT_EQ(m.description, "fixture model");
  EXPECT_EQ(m.builtin_ops, (std::vector<int32_t>{3, 9, 25}));
  EXPECT_TRUE(m.custom_ops.empty());
  EXPECT_EQ(m.subgraphs, 2u);
  EXPECT_EQ(m.operators, 6u);
  EXPECT_EQ(m.metadata, std::vector<std::string>{"min_runtime_version"});
}

TEST(Tflite, CustomOperators) {
  Model m = ParseFixture("custom_op.tflite");
  ASSERT_TRUE(m.complete);
  EXPECT_EQ(m.custom_ops,
            (std::vector<std::string>{"TFLite_Detection_PostProcess", "EvilNativeOp"}));
}

TEST(Tflite, OffsetsOutsideTheFileAreMalformed) {
  for (const char* name : {"truncated.tflite", "bad_root.tflite", "absurd_vector.tflite"}) {
    Model m = ParseFixture(name);
    EXPECT_FALSE(m.complete) << name;
    ASSERT_FALSE(m.issues.empty()) << name;
    EXPECT_EQ(m.issues.back().what, "malformed") << name;
  }
  MemorySource other("\x10\0\0\0NOPE....");
  EXPECT_EQ(Parse(other).issues.back().what, "bad-identifier");
}

}  // namespace
}  // namespace aisec::formats::tflite
