#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& file) {
  return RunCataloger(go::GoMod, Fixture("catalog/go"), file);
}

bool Related(const testing::CatalogOutput& out, const std::string& from, const std::string& to) {
  return std::find(out.relations.begin(), out.relations.end(), Relation{from, to}) != out.relations.end();
}

TEST(GoMod, ReadsTheModuleAsTheProject) {
  auto out = Catalog("worker/go.mod");
  EXPECT_TRUE(out.warnings.empty());
  const Component* project = out.Find("github.com/acme/support-bot/worker");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->kind, ComponentKind::kApplication);
  EXPECT_EQ(project->ecosystem, "golang");
  EXPECT_EQ(project->properties.at("aisec:go-version"), "1.22.4");
  EXPECT_EQ(project->properties.at("aisec:go-toolchain"), "go1.23.2");
  EXPECT_EQ(project->evidence[0].location.line, 2u);
  EXPECT_EQ(project->purl, "pkg:golang/github.com/acme/support-bot/worker");
  EXPECT_EQ(out.components.size(), 1u + 16u);
}

TEST(GoMod, ReadsRequireBlocksAndSingleLines) {
  auto out = Catalog("worker/go.mod");
  const Component* lc = out.Find("github.com/tmc/langchaingo");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->version, "v0.1.12");
  EXPECT_EQ(lc->purl, "pkg:golang/github.com/tmc/langchaingo@v0.1.12");
  EXPECT_EQ(lc->scope, Scope::kDirect);
  EXPECT_EQ(lc->evidence[0].location.line, 10u);
  EXPECT_EQ(lc->evidence[0].snippet, "github.com/tmc/langchaingo v0.1.12");
  EXPECT_EQ(lc->evidence[0].method, EvidenceMethod::kManifest);

  const Component* cobra = out.Find("github.com/spf13/cobra");
  ASSERT_NE(cobra, nullptr);
  EXPECT_EQ(cobra->evidence[0].location.line, 18u);
  EXPECT_EQ(out.Find("github.com/jackc/pgx/v5")->purl, "pkg:golang/github.com/jackc/pgx/v5@v5.7.1");

  // A quoted module path and a pseudo-version.
  const Component* tok = out.Find("github.com/acme/tokenizer");
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(tok->version, "v0.0.0-20240915093012-8c4f2a1b9e3d");
}

TEST(GoMod, IndirectRequirementsAreTransitive) {
  auto out = Catalog("worker/go.mod");
  const Component* project = out.Find("github.com/acme/support-bot/worker");
  const Component* tiktoken = out.Find("github.com/pkoukk/tiktoken-go");  // "// indirect; …"
  ASSERT_NE(tiktoken, nullptr);
  EXPECT_EQ(tiktoken->scope, Scope::kTransitive);
  EXPECT_FALSE(Related(out, project->Key(), tiktoken->Key()));
  const Component* docker = out.Find("github.com/docker/docker");
  ASSERT_NE(docker, nullptr);
  EXPECT_EQ(docker->version, "v27.3.1+incompatible");
  EXPECT_EQ(docker->purl, "pkg:golang/github.com/docker/docker@v27.3.1%2Bincompatible");
  EXPECT_TRUE(Related(out, project->Key(), out.Find("github.com/tmc/langchaingo")->Key()));
  EXPECT_EQ(out.relations.size(), 8u);  // one per direct requirement
}

TEST(GoMod, ModuleReplacementsBecomeTheDependency) {
  auto out = Catalog("worker/go.mod");
  EXPECT_EQ(out.Find("github.com/sashabaranov/go-openai"), nullptr);
  const Component* fork = out.Find("github.com/acme/go-openai");
  ASSERT_NE(fork, nullptr);
  EXPECT_EQ(fork->version, "v1.32.6-acme.1");
  EXPECT_EQ(fork->purl, "pkg:golang/github.com/acme/go-openai@v1.32.6-acme.1");
  EXPECT_EQ(fork->properties.at("aisec:replaces"), "github.com/sashabaranov/go-openai@v1.32.5");
  EXPECT_EQ(fork->scope, Scope::kDirect);
  ASSERT_EQ(fork->evidence.size(), 2u);
  EXPECT_EQ(fork->evidence[1].location.line, 34u);

  // A replacement without an old version applies to every version.
  const Component* net = out.Find("golang.org/x/net");
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->version, "v0.31.0");
  EXPECT_EQ(net->scope, Scope::kTransitive);
}

TEST(GoMod, LocalReplacementsAreRecordedAsProperties) {
  auto out = Catalog("worker/go.mod");
  const Component* prompts = out.Find("github.com/acme/prompts");
  ASSERT_NE(prompts, nullptr);
  EXPECT_EQ(prompts->version, "v0.3.0");
  EXPECT_EQ(prompts->properties.at("aisec:source"), "path");
  EXPECT_EQ(prompts->properties.at("aisec:path"), "../prompts");
  EXPECT_EQ(prompts->purl, "");  // built from the folder, not the published module
}

TEST(GoMod, ExcludedVersionsAreRecorded) {
  auto out = Catalog("worker/go.mod");
  EXPECT_EQ(out.Find("golang.org/x/text")->properties.at("aisec:excluded-versions"), "v0.18.0");
  EXPECT_EQ(out.Find("google.golang.org/grpc")->properties.at("aisec:excluded-versions"),
            "v1.66.0,v1.66.1");
}

TEST(GoMod, UnclosedBlockWarnsWhereItOpens) {
  auto out = Catalog("malformed/unclosed/go.mod");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 8u);
  EXPECT_NE(out.Find("github.com/pgvector/pgvector-go"), nullptr);  // read up to the end
}

TEST(GoMod, InvalidUtf8LineIsSkipped) {
  auto out = Catalog("malformed/invalid_utf8/go.mod");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 10u);
  EXPECT_EQ(out.components.size(), 1u + 15u);
}

TEST(GoMod, MalformedDirectivesGiveLocatedWarnings) {
  auto out = Catalog("malformed/bad_lines/go.mod");
  std::vector<uint32_t> lines;
  for (const auto& w : out.warnings) lines.push_back(w.location.line);
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<uint32_t>{7, 8, 9, 12, 14}));
  EXPECT_NE(out.Find("example.com/ok"), nullptr);
  EXPECT_EQ(out.components.size(), 2u);
}

TEST(GoMod, MissingModuleDirectiveFallsBackToTheFolder) {
  auto out = Catalog("malformed/no_module/go.mod");
  ASSERT_EQ(out.warnings.size(), 1u);
  const Component* project = out.Find("malformed/no_module");  // relative to the scan root
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->properties.at("aisec:named-by"), "folder");
  EXPECT_TRUE(Related(out, project->Key(), "pkg:golang/example.com/lib@v1.0.0"));
}

}  // namespace
}  // namespace aisec::catalog
