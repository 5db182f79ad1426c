#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& dir) {
  return testing::RunCataloger(python::Pipfile, Fixture("catalog/python/pipfile/" + dir),
                               "Pipfile");
}

TEST(Pipfile, ReadsStringAndTableEntries) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.warnings.empty());
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.54.3");
  EXPECT_EQ(openai->purl, "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(openai->evidence[0].location.line, 12u);
  EXPECT_EQ(openai->scope, Scope::kDirect);
  const Component* langchain = out.Find("langchain");
  ASSERT_NE(langchain, nullptr);
  EXPECT_EQ(langchain->version_spec, ">=0.2,<0.3");
  EXPECT_EQ(Prop(*langchain, "aisec:extras"), "openai");
  EXPECT_EQ(out.Find("requests")->version_spec, "");  // "*"
  EXPECT_EQ(Prop(*out.Find("torch"), "aisec:index"), "pytorch");
  EXPECT_EQ(out.Find("torch")->version, "2.4.1");
  const Component* evals = out.Find("evals");
  ASSERT_NE(evals, nullptr);
  EXPECT_EQ(Prop(*evals, "aisec:url"), "https://github.com/example/evals.git");
  EXPECT_EQ(Prop(*evals, "aisec:git-ref"), "main");
  EXPECT_EQ(Prop(*evals, "aisec:editable"), "true");
  const Component* ruamel = out.Find("ruamel-yaml");  // quoted key, normalised
  ASSERT_NE(ruamel, nullptr);
  EXPECT_EQ(Prop(*ruamel, "aisec:marker"), "python_version >= '3.9'");
}

TEST(Pipfile, DevPackagesAreDev) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.Find("pytest")->dev);
  EXPECT_EQ(out.Find("black")->version, "24.8.0");
  EXPECT_TRUE(out.Find("black")->dev);
  EXPECT_FALSE(out.Find("openai")->dev);
  EXPECT_EQ(out.Find("python-version"), nullptr);  // [requires] is not a package list
}

TEST(Pipfile, UnnamedProjectIsNamedByItsFolder) {
  auto out = Catalog("basic");
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->name, "basic");
  EXPECT_EQ(app->purl, "");
  EXPECT_EQ(out.relations.size(), 8u);
  EXPECT_TRUE(testing::HasRelation(out.relations, app->Key(), "pkg:pypi/openai@1.54.3"));
}

TEST(Pipfile, ProjectInASubfolderIsNamedByItsPath) {
  auto out =
      testing::RunCataloger(python::Pipfile, Fixture("catalog/python/pipfile"), "basic/Pipfile");
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->name, "basic");
  EXPECT_EQ(app->evidence[0].location.path, "basic/Pipfile");
}

TEST(Pipfile, MalformedTomlIsOneLocatedWarning) {
  testing::ExpectOnlyWarningAt(Catalog("malformed"), 3, "python/pipfile");
}

}  // namespace
}  // namespace aisec::catalog
