#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& file) {
  return RunCataloger(cargo::CargoLock, Fixture("catalog/cargo"), file);
}

const Component* FindVersion(const testing::CatalogOutput& out, const std::string& name,
                             const std::string& version) {
  for (const auto& c : out.components) {
    if (c.name == name && c.version == version) return &c;
  }
  return nullptr;
}

bool Related(const testing::CatalogOutput& out, const Component* from, const Component* to) {
  return from && to &&
         std::find(out.relations.begin(), out.relations.end(), Relation{from->Key(), to->Key()}) !=
             out.relations.end();
}

TEST(CargoLock, ReadsPackagesWithChecksums) {
  auto out = Catalog("workspace/Cargo.lock");
  EXPECT_TRUE(out.warnings.empty());
  EXPECT_EQ(out.components.size(), 13u);
  const Component* openai = FindVersion(out, "async-openai", "0.25.0");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->purl, "pkg:cargo/async-openai@0.25.0");
  ASSERT_EQ(openai->hashes.size(), 1u);
  EXPECT_EQ(openai->hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(openai->hashes[0].value, "a6701905a891ff9f12838171decd3d7b3c54eefe657d9b761dfe9062c737fe6b");
  EXPECT_EQ(openai->evidence[0].location.line, 6u);
  EXPECT_EQ(openai->evidence[0].snippet, "name = \"async-openai\"");
  EXPECT_EQ(openai->evidence[0].method, EvidenceMethod::kLockfile);
  EXPECT_TRUE(openai->properties.empty());  // crates.io is the default source
}

TEST(CargoLock, PackagesWithoutSourceAreTheWorkspaceProjects) {
  auto out = Catalog("workspace/Cargo.lock");
  const Component* agent = FindVersion(out, "support-agent", "0.4.0");
  const Component* prompts = FindVersion(out, "prompts", "0.2.1");
  ASSERT_NE(agent, nullptr);
  ASSERT_NE(prompts, nullptr);
  EXPECT_EQ(agent->kind, ComponentKind::kApplication);
  EXPECT_EQ(agent->purl, "pkg:cargo/support-agent@0.4.0");
  EXPECT_EQ(prompts->kind, ComponentKind::kApplication);
  EXPECT_TRUE(Related(out, agent, prompts));
  const Component* serde = FindVersion(out, "serde", "1.0.210");
  EXPECT_EQ(serde->scope, Scope::kDirect);
  EXPECT_TRUE(Related(out, prompts, serde));
  const Component* derive = FindVersion(out, "serde_derive", "1.0.210");
  EXPECT_EQ(derive->scope, Scope::kTransitive);
  EXPECT_TRUE(Related(out, serde, derive));
}

TEST(CargoLock, DisambiguatesDependenciesByVersion) {
  auto out = Catalog("workspace/Cargo.lock");
  const Component* b21 = FindVersion(out, "base64", "0.21.7");
  const Component* b22 = FindVersion(out, "base64", "0.22.1");
  const Component* agent = FindVersion(out, "support-agent", "0.4.0");
  const Component* candle = FindVersion(out, "candle-core", "0.7.2");
  EXPECT_TRUE(Related(out, agent, b22));
  EXPECT_FALSE(Related(out, agent, b21));
  EXPECT_TRUE(Related(out, candle, b21));
  EXPECT_FALSE(Related(out, candle, b22));
  EXPECT_EQ(b22->scope, Scope::kDirect);
  EXPECT_EQ(b21->scope, Scope::kTransitive);
}

TEST(CargoLock, ReadsTheVersion1FormatAndGitSources) {
  auto out = Catalog("legacy-lock/Cargo.lock");
  EXPECT_TRUE(out.warnings.empty());
  const Component* tool = FindVersion(out, "legacy-tool", "0.1.0");
  const Component* rand6 = FindVersion(out, "rand", "0.6.5");
  const Component* rand7 = FindVersion(out, "rand", "0.7.3");
  const Component* tok = FindVersion(out, "tokenizers", "0.10.3");
  ASSERT_NE(rand6, nullptr);
  ASSERT_EQ(rand6->hashes.size(), 1u);  // from [metadata]
  EXPECT_EQ(rand6->hashes[0].value, "6d71dacdc3c88c1fde3885a3be3fbab9f35724e6ce99467f7d9c5026132184ca");
  EXPECT_TRUE(Related(out, tool, rand6));
  EXPECT_TRUE(Related(out, tool, rand7));
  EXPECT_TRUE(Related(out, tok, rand7));
  EXPECT_FALSE(Related(out, tok, rand6));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(tok->properties.at("aisec:source"), "git");
  EXPECT_EQ(tok->properties.at("aisec:url"),
            "https://github.com/huggingface/tokenizers?rev=v0.10.3#a1f2c6e0b5d3c4e7f8a9b0c1d2e3f4a5b6c7d8e9");
  EXPECT_TRUE(tok->hashes.empty());
}

TEST(CargoLock, TruncatedFileGivesALocatedWarning) {
  auto out = Catalog("malformed/truncated/Cargo.lock");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 9u);
}

TEST(CargoLock, BadEntriesAreSkippedWithWarnings) {
  auto out = Catalog("malformed/bad_types/Cargo.lock");
  std::vector<uint32_t> lines;
  for (const auto& w : out.warnings) lines.push_back(w.location.line);
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<uint32_t>{8, 17}));
  const Component* fine = FindVersion(out, "fine", "1.0.0");
  ASSERT_NE(fine, nullptr);
  EXPECT_TRUE(fine->hashes.empty());  // "not-a-checksum"
  EXPECT_TRUE(Related(out, FindVersion(out, "odd", "0.1.0"), fine));
}

}  // namespace
}  // namespace aisec::catalog
