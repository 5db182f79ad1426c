#include <gtest/gtest.h>

#include "catalog/npm/lock_test_util.h"
#include "catalog/registry_decls.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::FindVersion;
using testing::Related;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& folder) {
  return RunCataloger(npm::PnpmLock, Fixture("catalog/npm/" + folder), "pnpm-lock.yaml");
}

// pnpm 7, 8 and 9 locked the same project (tests/fixtures/catalog/npm/generate_locks.sh).
void ExpectSupportBot(const testing::CatalogOutput& out) {
  EXPECT_TRUE(out.warnings.empty());
  const Component* root = out.Find("support-bot");  // named by the package.json next to it
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->kind, ComponentKind::kApplication);
  EXPECT_EQ(root->version, "1.4.0");

  // "4.104.0(zod@3.25.76)" or "4.104.0_zod@3.25.76": the peer suffix is not part of the version.
  const Component* openai = FindVersion(out, "openai", "4.104.0");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->purl, "pkg:npm/openai@4.104.0");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_FALSE(openai->dev);
  ASSERT_EQ(openai->hashes.size(), 1u);
  EXPECT_EQ(openai->hashes[0].algorithm, "SHA-512");
  EXPECT_EQ(openai->hashes[0].value.substr(0, 16), "a7df4414db00ff25");
  EXPECT_TRUE(Related(out, root->Key(), openai->Key()));
  EXPECT_TRUE(Related(out, openai->Key(), FindVersion(out, "@types/node", "18.19.130")->Key()));
  EXPECT_TRUE(Related(out, openai->Key(), FindVersion(out, "zod", "3.25.76")->Key()));
  EXPECT_FALSE(Related(out, openai->Key(), FindVersion(out, "@types/node", "22.20.5")->Key()));
  int openais = 0;
  for (const auto& c : out.components) openais += c.name == "openai";
  EXPECT_EQ(openais, 1);

  const Component* typescript = FindVersion(out, "typescript", "5.6.3");
  ASSERT_NE(typescript, nullptr);
  EXPECT_TRUE(typescript->dev);
  EXPECT_EQ(typescript->scope, Scope::kDirect);
  // pnpm shares the project's dev @types/node 22 with @types/node-fetch ("*"), a production
  // dependency, so it is not dev-only; typescript is.
  EXPECT_FALSE(FindVersion(out, "@types/node", "22.20.5")->dev);
  EXPECT_FALSE(FindVersion(out, "@types/node", "18.19.130")->dev);
  EXPECT_TRUE(Related(out, root->Key(), FindVersion(out, "fsevents", "2.3.3")->Key()));

  const Component* lodash = FindVersion(out, "lodash", "3.10.1");
  ASSERT_NE(lodash, nullptr);
  EXPECT_EQ(lodash->properties.at("aisec:alias"), "legacy-lodash");
  EXPECT_TRUE(Related(out, root->Key(), lodash->Key()));

  // The workspace importer, named by the link the root has to it.
  const Component* prompts = out.Find("@support-bot/prompts");
  ASSERT_NE(prompts, nullptr);
  EXPECT_EQ(prompts->kind, ComponentKind::kApplication);
  EXPECT_TRUE(Related(out, root->Key(), prompts->Key()));
  EXPECT_TRUE(Related(out, prompts->Key(), FindVersion(out, "mustache", "4.2.0")->Key()));
}

TEST(PnpmLock, ReadsLockfileVersion5) {
  auto out = Catalog("pnpm-v5");
  ExpectSupportBot(out);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].location.line, 411u);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].snippet, "/openai/4.104.0_zod@3.25.76:");
  EXPECT_EQ(FindVersion(out, "@types/node", "18.19.130")->purl, "pkg:npm/%40types/node@18.19.130");
}

TEST(PnpmLock, ReadsLockfileVersion6) {
  auto out = Catalog("pnpm-v6");
  ExpectSupportBot(out);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].location.line, 423u);
  EXPECT_EQ(FindVersion(out, "typescript", "5.6.3")->evidence[0].location.line, 475u);
}

TEST(PnpmLock, ReadsLockfileVersion9WithSnapshots) {
  auto out = Catalog("pnpm-v9");
  ExpectSupportBot(out);
  // Evidence points at the package entry, where the integrity is.
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].location.line, 271u);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].method, EvidenceMethod::kLockfile);
}

TEST(PnpmLock, MalformedFilesGiveLocatedWarnings) {
  struct Case {
    std::string folder;
    uint32_t line;
  };
  for (const Case& c : {Case{"pnpm-malformed/truncated", 56}, Case{"pnpm-malformed/invalid_utf8", 13},
                        Case{"pnpm-malformed/deep_nesting", 0}, Case{"pnpm-malformed/not_mapping", 1}}) {
    SCOPED_TRACE(c.folder);
    auto out = Catalog(c.folder);
    EXPECT_TRUE(out.components.empty());
    ASSERT_EQ(out.warnings.size(), 1u);
    EXPECT_EQ(out.warnings[0].location.path, "pnpm-lock.yaml");
    EXPECT_EQ(out.warnings[0].location.line, c.line);
  }
}

TEST(PnpmLock, UnexpectedShapesAreSkipped) {
  testing::TempDir dir;
  dir.Write("pnpm-lock.yaml", R"(lockfileVersion: '9.0'
importers:
  .:
    dependencies:
      a: [not, a, version]
      b:
        specifier: ^1
        version: 1.0.0
packages:
  b@1.0.0: {resolution: {integrity: 42}}
  c@2.0.0: just a string
snapshots:
  b@1.0.0:
    dependencies: [c]
)");
  auto out = RunCataloger(npm::PnpmLock, dir.path(), "pnpm-lock.yaml");
  EXPECT_TRUE(out.warnings.empty());
  const Component* b = FindVersion(out, "b", "1.0.0");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->hashes.empty());
  EXPECT_EQ(b->scope, Scope::kDirect);
}

TEST(PnpmLock, ImportersNobodyLinksAreNamedAfterTheirFolder) {
  testing::TempDir dir;
  dir.Write("mono/pnpm-lock.yaml", R"(lockfileVersion: '9.0'
importers:
  .: {}
  tools/cli:
    dependencies:
      a:
        specifier: ^1
        version: 1.0.0
packages:
  a@1.0.0: {}
snapshots:
  a@1.0.0: {}
)");
  auto out = RunCataloger(npm::PnpmLock, dir.path(), "mono/pnpm-lock.yaml");
  const Component* cli = out.Find("mono/tools/cli");
  ASSERT_NE(cli, nullptr);
  EXPECT_EQ(cli->kind, ComponentKind::kApplication);
  EXPECT_EQ(cli->properties.at("aisec:named-by"), "folder");
  EXPECT_EQ(cli->evidence[0].location.line, 4u);
  EXPECT_TRUE(Related(out, cli->Key(), "pkg:npm/a@1.0.0"));
  EXPECT_NE(out.Find("mono"), nullptr);  // the root importer, without a package.json
}

// A workspace package's declarations (packages/prompts/package.json) merge with the root lock's
// entries for that workspace.
TEST(PnpmLock, ScanMergesWorkspacePackageDependenciesWithTheLock) {
  testing::ExpectScanMergesWorkspace("pnpm-v9", "pnpm-lock.yaml");
}

}  // namespace
}  // namespace aisec::catalog
