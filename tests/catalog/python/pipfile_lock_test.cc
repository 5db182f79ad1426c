#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& dir) {
  return testing::RunCataloger(python::PipfileLock, Fixture("catalog/python/pipfile_lock/" + dir),
                               "Pipfile.lock");
}

TEST(PipfileLock, ReadsExactVersionsAndHashes) {
  auto out = Catalog("basic");
  EXPECT_TRUE(out.warnings.empty());
  ASSERT_EQ(out.components.size(), 5u);
  const Component* anyio = out.Find("anyio");
  ASSERT_NE(anyio, nullptr);
  EXPECT_EQ(anyio->version, "4.4.0");
  EXPECT_EQ(anyio->purl, "pkg:pypi/anyio@4.4.0");
  EXPECT_EQ(anyio->scope, Scope::kTransitive);
  ASSERT_EQ(anyio->hashes.size(), 2u);
  EXPECT_EQ(anyio->hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(anyio->hashes[1].value,
            "f3d4c2b1a09e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c");
  EXPECT_EQ(anyio->evidence[0].location.line, 19u);
  EXPECT_EQ(anyio->evidence[0].method, EvidenceMethod::kLockfile);
  EXPECT_EQ(Prop(*anyio, "aisec:marker"), "python_version >= '3.8'");
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->evidence[0].location.line, 32u);
  EXPECT_EQ(Prop(*openai, "aisec:index"), "pypi");
  EXPECT_TRUE(out.relations.empty());  // the lock records no graph
}

TEST(PipfileLock, LocatesAPackageNamedLikeAField) {
  auto out = Catalog("basic");
  const Component* version = out.Find("version");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->evidence[0].location.line, 40u);  // not a "version": field above it
}

TEST(PipfileLock, ReadsGitEntriesAndDevelop) {
  auto out = Catalog("basic");
  const Component* evals = out.Find("evals");
  ASSERT_NE(evals, nullptr);
  EXPECT_EQ(evals->version, "");
  EXPECT_EQ(Prop(*evals, "aisec:git-ref"), "5a3f1e9c2b7d4a6e8f0c1b3d5e7a9c2f4b6d8e0a");
  const Component* pytest = out.Find("pytest");
  ASSERT_NE(pytest, nullptr);
  EXPECT_TRUE(pytest->dev);
  EXPECT_EQ(pytest->version, "8.3.3");
  EXPECT_EQ(pytest->evidence[0].location.line, 46u);
  EXPECT_FALSE(out.Find("openai")->dev);
}

TEST(PipfileLock, TruncatedJsonIsOneLocatedWarning) {
  testing::ExpectOnlyWarningAt(Catalog("truncated"), 24, "python/pipfile-lock");
}

TEST(PipfileLock, OtherJsonIsReportedNotRead) {
  testing::ExpectOnlyWarningAt(Catalog("not_a_lock"), 1, "python/pipfile-lock");
}

TEST(PipfileLock, DeepNestingIsRefused) {
  auto out = Catalog("deep_nesting");
  testing::ExpectOnlyWarningAt(out, 0, "python/pipfile-lock");
  EXPECT_NE(out.warnings[0].message.find("nesting"), std::string::npos);
}

}  // namespace
}  // namespace aisec::catalog
