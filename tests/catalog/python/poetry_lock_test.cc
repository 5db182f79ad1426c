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
  return testing::RunCataloger(python::PoetryLock, Fixture("catalog/python/poetry_lock/" + dir),
                               "poetry.lock");
}

TEST(PoetryLock, ReadsPackagesWithVersionsAndFileHashes) {
  auto out = Catalog("v2");
  EXPECT_TRUE(out.warnings.empty());
  ASSERT_EQ(out.components.size(), 6u);
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.54.3");
  EXPECT_EQ(openai->purl, "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(openai->scope, Scope::kTransitive);
  EXPECT_FALSE(openai->dev);
  EXPECT_EQ(openai->evidence[0].location.line, 15u);
  EXPECT_EQ(openai->evidence[0].method, EvidenceMethod::kLockfile);
  ASSERT_EQ(openai->hashes.size(), 1u);
  EXPECT_EQ(openai->hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(openai->hashes[0].value,
            "f18dbaf09c50d70c4185b892a2a553f80681d1d866323a2da7f7be2f688615d5");
  EXPECT_EQ(out.Find("annotated-types")->hashes.size(), 2u);
  EXPECT_NE(out.Find("typing-extensions"), nullptr);  // "Typing_Extensions", normalised
  EXPECT_EQ(Prop(*out.Find("tqdm"), "aisec:optional"), "true");
}

TEST(PoetryLock, DependenciesBecomeRelationsToLockedVersions) {
  auto out = Catalog("v2");
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/openai@1.54.3", "pkg:pypi/pydantic@2.8.2"));
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/openai@1.54.3", "pkg:pypi/tqdm@4.66.5"));
  EXPECT_TRUE(
      HasRelation(out.relations, "pkg:pypi/openai@1.54.3", "pkg:pypi/typing-extensions@4.12.2"));
  EXPECT_TRUE(
      HasRelation(out.relations, "pkg:pypi/pydantic@2.8.2", "pkg:pypi/annotated-types@0.7.0"));
  // pydantic constrains typing-extensions per marker: still one edge.
  EXPECT_EQ(out.relations.size(), 5u);
}

TEST(PoetryLock, ReadsGitSources) {
  auto out = Catalog("v2");
  const Component* sdk = out.Find("internal-sdk");
  ASSERT_NE(sdk, nullptr);
  EXPECT_EQ(Prop(*sdk, "aisec:url"), "https://github.com/example/internal-sdk.git");
  EXPECT_EQ(Prop(*sdk, "aisec:git-ref"), "0c9a1e5d3b7f2a4c6e8d0b1a3c5e7f9d2b4a6c8e");
}

TEST(PoetryLock, LegacyCategoryAndMetadataFiles) {
  auto out = Catalog("legacy");
  ASSERT_EQ(out.components.size(), 4u);
  EXPECT_TRUE(out.Find("pytest")->dev);
  EXPECT_FALSE(out.Find("requests")->dev);
  EXPECT_EQ(out.Find("certifi")->hashes.size(), 2u);
  EXPECT_EQ(out.Find("requests")->hashes.size(), 1u);
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/requests@2.28.1", "pkg:pypi/urllib3@1.26.12"));
  EXPECT_TRUE(HasRelation(out.relations, "pkg:pypi/requests@2.28.1", "pkg:pypi/certifi@2022.9.24"));
}

TEST(PoetryLock, GroupsWithoutMainAreDev) {
  auto out = Catalog("groups");
  EXPECT_FALSE(out.Find("anthropic")->dev);
  EXPECT_TRUE(out.Find("pytest")->dev);
  EXPECT_FALSE(out.Find("colorama")->dev);  // in main and dev
}

TEST(PoetryLock, MalformedTomlIsOneLocatedWarning) {
  testing::ExpectOnlyWarningAt(Catalog("malformed"), 6, "python/poetry-lock");
}

TEST(PoetryLock, EntryWithoutNameIsWarnedAndSkipped) {
  auto out = Catalog("missing_fields");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].name, "kept");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 9u);  // its [[package]] header
}

// Found by fuzz/poetry_lock: a package with an empty name became a nameless component.
TEST(PoetryLock, EmptyNameIsAWarning) {
  testing::TempDir dir;
  dir.Write("poetry.lock", "[[package]]\nname = \"\"\nversion = \"1.0\"\n");
  auto out = testing::RunCataloger(python::PoetryLock, dir.path(), "poetry.lock");
  EXPECT_TRUE(out.components.empty());
  EXPECT_EQ(out.warnings.size(), 1u);
}

}  // namespace
}  // namespace aisec::catalog
