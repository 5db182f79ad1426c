#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& dir) {
  return testing::RunCataloger(python::SetupCfg, Fixture("catalog/python/setup_cfg/" + dir),
                               "setup.cfg");
}

TEST(SetupCfg, ReadsInstallRequiresOverSeveralLines) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.warnings.empty());
  const Component* numpy = out.Find("numpy");
  ASSERT_NE(numpy, nullptr);
  EXPECT_EQ(numpy->version_spec, ">=1.24");
  EXPECT_EQ(numpy->evidence[0].location.line, 11u);
  const Component* cv = out.Find("opencv-python-headless");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->version, "4.10.0.84");
  EXPECT_EQ(cv->evidence[0].location.line, 13u);  // the comment line is skipped
  EXPECT_EQ(Prop(*out.Find("onnxruntime"), "aisec:marker"), "platform_machine != \"arm64\"");
  EXPECT_EQ(out.Find("pillow")->evidence[0].location.line, 15u);
  const Component* pytest = out.Find("pytest");
  ASSERT_NE(pytest, nullptr);
  EXPECT_TRUE(pytest->dev);
  EXPECT_FALSE(numpy->dev);
}

TEST(SetupCfg, ReadsExtrasOnOneOrSeveralLines) {
  auto out = Catalog("basic");
  const Component* hub = out.Find("huggingface-hub");
  ASSERT_NE(hub, nullptr);
  EXPECT_EQ(Prop(*hub, "aisec:extra"), "hub");
  EXPECT_EQ(hub->evidence[0].location.line, 20u);
  EXPECT_EQ(Prop(*out.Find("torch"), "aisec:extra"), "train");
  EXPECT_EQ(out.Find("torchvision")->evidence[0].location.line, 23u);
  EXPECT_EQ(out.Find("find"), nullptr);  // "packages = find:" is not a dependency
}

TEST(SetupCfg, NamesTheProjectFromMetadata) {
  auto out = Catalog("basic");
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->purl, "pkg:pypi/vision-tools@2.1.0");
  EXPECT_EQ(out.relations.size(), 8u);
  EXPECT_TRUE(
      testing::HasRelation(out.relations, app->Key(), "pkg:pypi/opencv-python-headless@4.10.0.84"));
}

TEST(SetupCfg, MalformedLinesAreLocatedWarnings) {
  auto out = Catalog("malformed");
  EXPECT_EQ(testing::WarningLines(out.warnings), (std::vector<uint32_t>{1, 2, 7, 8, 9}));
  EXPECT_NE(out.Find("requests"), nullptr);
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->name, "malformed");  // unnamed: the folder
  EXPECT_EQ(Prop(*app, "aisec:named-by"), "folder");
}

TEST(SetupCfg, ToolOnlyConfigurationIsNotAProject) {
  auto out = Catalog("flake8_only");
  EXPECT_TRUE(out.components.empty());
  EXPECT_TRUE(out.warnings.empty());
}

// Issue 5: [metadata] license is the project's licence.
TEST(SetupCfg, ProjectLicence) {
  auto out = testing::RunCataloger(python::SetupCfg, Fixture("catalog/python/licenses/setup_cfg"), "setup.cfg");
  const Component* app = out.Find("cfg-tool");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->licenses, std::vector<std::string>{"GNU GPL v2"});
}

}  // namespace
}  // namespace aisec::catalog
