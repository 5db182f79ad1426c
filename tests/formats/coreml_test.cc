#include "formats/coreml/coreml.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::coreml {
namespace {

Model ParseFixture(const std::string& name) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/coreml/" + name));
  MemorySource src(bytes);
  return Parse(src);
}

TEST(CoreMl, ReadsSpecificationTypeAndMetadata) {
  Model m = ParseFixture("benign.mlmodel");
  ASSERT_TRUE(m.complete);
  EXPECT_EQ(m.specification_version, 7);
  EXPECT_EQ(m.type, "neuralNetwork");
  EXPECT_EQ(m.short_description, "Tiny classifier");
  EXPECT_EQ(m.version, "1.2");
  EXPECT_EQ(m.author, "aisec fixtures");
  EXPECT_EQ(m.license, "MIT");
  EXPECT_EQ(m.user_defined.at("com.github.apple.coremltools.version"), "7.1");
}

TEST(CoreMl, CustomModelClass) {
  Model m = ParseFixture("custom.mlmodel");
  EXPECT_EQ(m.type, "customModel");
  EXPECT_EQ(m.custom_class, "EvilCustomModel");
}

TEST(CoreMl, Malformed) {
  for (const char* name : {"truncated.mlmodel", "not_coreml.mlmodel"}) {
    Model m = ParseFixture(name);
    EXPECT_FALSE(m.complete) << name;
    EXPECT_FALSE(m.issues.empty()) << name;
  }
}

TEST(CoreMl, PackageManifest) {
  auto text = testing::ReadFile(testing::Fixture("model/coreml/Tiny.mlpackage/Manifest.json"));
  auto m = ParseManifest(text, "Manifest.json");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->file_format_version, "1.0.0");
  EXPECT_EQ(m->root_path, "com.apple.CoreML/model.mlmodel");
  EXPECT_FALSE(ParseManifest("{\"fileFormatVersion\": \"1.0.0\"}", "m").ok());
}

}  // namespace
}  // namespace aisec::formats::coreml
