#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::HasRelation;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& dir) {
  return testing::RunCataloger(python::UvLock, Fixture("catalog/python/uv_lock/" + dir), "uv.lock");
}

TEST(UvLock, ReadsPackagesVersionsAndArtifactHashes) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.warnings.empty());
  ASSERT_EQ(out.components.size(), 11u);
  const Component* anyio = out.Find("anyio");
  ASSERT_NE(anyio, nullptr);
  EXPECT_EQ(anyio->version, "4.6.2");
  EXPECT_EQ(anyio->purl, "pkg:pypi/anyio@4.6.2");
  EXPECT_EQ(anyio->scope, Scope::kTransitive);
  EXPECT_EQ(anyio->evidence[0].location.line, 6u);
  ASSERT_EQ(anyio->hashes.size(), 2u);  // sdist and wheel
  EXPECT_EQ(anyio->hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(anyio->hashes[0].value,
            "f72a7bb3dd0752b3bd8b17a844a019d77fd8a2fbbe2a4a0e6ef0b3d6dd5ba1d6");
  EXPECT_EQ(testing::FindAll(out.components, "numpy").size(), 2u);
}

TEST(UvLock, TheEditableProjectIsTheApplication) {
  auto out = Catalog("basic");
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->name, "demo-agent");
  EXPECT_EQ(app->purl, "pkg:pypi/demo-agent@0.3.1");
  EXPECT_TRUE(HasRelation(out.relations, app->Key(), "pkg:pypi/openai@1.54.3"));
  EXPECT_TRUE(HasRelation(out.relations, app->Key(), "pkg:pypi/numpy@2.1.1"));  // version named
  EXPECT_FALSE(HasRelation(out.relations, app->Key(), "pkg:pypi/numpy@1.26.4"));
  EXPECT_TRUE(HasRelation(out.relations, app->Key(), "pkg:pypi/torch@2.4.1"));   // optional
  EXPECT_TRUE(HasRelation(out.relations, app->Key(), "pkg:pypi/pytest@8.3.3"));  // dev
}

TEST(UvLock, DependenciesBecomeRelations) {
  auto out = Catalog("basic");
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/anyio@4.6.2", "pkg:pypi/idna@3.10"));
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/openai@1.54.3", "pkg:pypi/anyio@4.6.2"));
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/pytest@8.3.3", "pkg:pypi/iniconfig@2.0.0"));
  EXPECT_EQ(out.relations.size(), 10u);
}

TEST(UvLock, OnlyDevReachablePackagesAreDev) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.Find("pytest")->dev);
  EXPECT_TRUE(out.Find("iniconfig")->dev);
  EXPECT_FALSE(out.Find("tqdm")->dev);  // also needed by openai
  EXPECT_FALSE(out.Find("openai")->dev);
  EXPECT_FALSE(out.Find("torch")->dev);
}

TEST(UvLock, OptionalDependenciesAndSources) {
  auto out = Catalog("basic");
  const Component* torch = out.Find("torch");
  ASSERT_NE(torch, nullptr);
  EXPECT_EQ(Prop(*torch, "aisec:extra"), "gpu");
  EXPECT_EQ(Prop(*torch, "aisec:index"), "https://download.pytorch.org/whl/cpu");
  EXPECT_EQ(Prop(*out.Find("openai"), "aisec:extra"), "");
  EXPECT_EQ(Prop(*out.Find("openai"), "aisec:index"), "");  // pypi.org is the default
  const Component* tqdm = out.Find("tqdm");
  ASSERT_NE(tqdm, nullptr);
  EXPECT_EQ(Prop(*tqdm, "aisec:git-ref"), "51d7a7f2e1ba1f2f2cb3bfb1a4d33e62cf7ab7d2");
}

TEST(UvLock, MalformedTomlIsOneLocatedWarning) {
  testing::ExpectOnlyWarningAt(Catalog("malformed"), 9, "python/uv-lock");
}

// Found by fuzz/uv_lock: a package with an empty name became a nameless component.
TEST(UvLock, EmptyNameIsAWarning) {
  testing::TempDir dir;
  dir.Write("uv.lock", "version = 1\n[[package]]\nname = \"\"\nversion = \"1.0\"\n");
  auto out = testing::RunCataloger(python::UvLock, dir.path(), "uv.lock");
  EXPECT_TRUE(out.components.empty());
  EXPECT_EQ(out.warnings.size(), 1u);
}

}  // namespace
}  // namespace aisec::catalog
