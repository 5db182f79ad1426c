#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& dir,
                               const std::string& file = "environment.yml") {
  return testing::RunCataloger(python::CondaEnvironment, Fixture("catalog/python/conda/" + dir),
                               file);
}

const Component* FindIn(const testing::CatalogOutput& out, const std::string& eco,
                        const std::string& name) {
  for (const auto& c : out.components) {
    if (c.ecosystem == eco && c.name == name) return &c;
  }
  return nullptr;
}

TEST(CondaEnvironment, ReadsMatchSpecs) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.warnings.empty());
  EXPECT_EQ(FindIn(out, "conda", "python"), nullptr);
  const Component* numpy = FindIn(out, "conda", "numpy");
  ASSERT_NE(numpy, nullptr);
  EXPECT_EQ(numpy->version, "");
  EXPECT_EQ(numpy->version_spec, "=1.26");  // 1.26.* in conda terms
  EXPECT_EQ(numpy->purl, "pkg:conda/numpy");
  EXPECT_EQ(numpy->evidence[0].location.line, 9u);
  const Component* pytorch = FindIn(out, "conda", "pytorch");
  ASSERT_NE(pytorch, nullptr);
  EXPECT_EQ(pytorch->version_spec, ">=2.3");
  EXPECT_EQ(pytorch->purl, "pkg:conda/pytorch?channel=pytorch");
  const Component* openai = FindIn(out, "conda", "openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.54.3");
  EXPECT_EQ(openai->purl,
            "pkg:conda/openai@1.54.3?build=pyhd8ed1ab_0&channel=conda-forge&subdir=linux-64");
  const Component* scipy = FindIn(out, "conda", "scipy");
  ASSERT_NE(scipy, nullptr);
  EXPECT_EQ(scipy->version, "1.11.4");  // "name version build"
  EXPECT_EQ(scipy->purl, "pkg:conda/scipy@1.11.4?build=py311h64a7726_0");
  EXPECT_EQ(FindIn(out, "conda", "transformers")->version_spec, ">=4.44");
  EXPECT_EQ(FindIn(out, "conda", "pytorch-cuda")->version_spec, "=12.1");
  EXPECT_NE(FindIn(out, "conda", "cudatoolkit"), nullptr);
}

TEST(CondaEnvironment, ReadsTheNestedPipList) {
  auto out = Catalog("basic");
  const Component* accelerate = FindIn(out, "pypi", "accelerate");
  ASSERT_NE(accelerate, nullptr);
  EXPECT_EQ(accelerate->version, "0.34.2");
  EXPECT_EQ(accelerate->purl, "pkg:pypi/accelerate@0.34.2");
  EXPECT_EQ(accelerate->evidence[0].location.line, 18u);
  EXPECT_EQ(FindIn(out, "pypi", "peft")->version_spec, ">=0.12");
  const Component* utils = FindIn(out, "pypi", "trainer-utils");  // #egg=
  ASSERT_NE(utils, nullptr);
  EXPECT_EQ(utils->evidence[0].location.line, 22u);
  EXPECT_EQ(out.components.size(), 12u);  // 8 conda, 3 pip, the environment
}

TEST(CondaEnvironment, TheEnvironmentIsTheApplication) {
  auto out = Catalog("basic");
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->name, "llm-finetune");
  EXPECT_EQ(app->purl, "");  // an environment is not a conda package
  EXPECT_EQ(out.relations.size(), 11u);
  EXPECT_TRUE(testing::HasRelation(out.relations, app->Key(), "pkg:pypi/accelerate@0.34.2"));
}

TEST(CondaEnvironment, FlowStyleAndYamlExtension) {
  auto out = Catalog("yaml_ext", "environment.yaml");
  EXPECT_TRUE(out.warnings.empty());
  const Component* numpy = FindIn(out, "conda", "numpy");
  ASSERT_NE(numpy, nullptr);
  EXPECT_EQ(numpy->version, "2.1.1");
  EXPECT_EQ(numpy->evidence[0].location.line, 3u);
  EXPECT_NE(FindIn(out, "conda", "pandas"), nullptr);
  EXPECT_EQ(testing::FindApp(out.components)->name, "yaml_ext");
}

TEST(CondaEnvironment, MalformedYamlIsOneLocatedWarning) {
  testing::ExpectOnlyWarningAt(Catalog("malformed"), 6, "python/conda-environment");
}

TEST(CondaEnvironment, OddEntriesAreWarnedAndSkipped) {
  auto out = Catalog("bad_entries");
  EXPECT_EQ(testing::WarningLines(out.warnings), (std::vector<uint32_t>{4, 5, 6, 8}));
  EXPECT_NE(FindIn(out, "conda", "numpy"), nullptr);
  EXPECT_NE(FindIn(out, "pypi", "tiktoken"), nullptr);
}

TEST(CondaEnvironment, DeepNestingIsRefused) {
  testing::ExpectOnlyWarningAt(Catalog("deep_nesting"), 0, "python/conda-environment");
}

}  // namespace
}  // namespace aisec::catalog
