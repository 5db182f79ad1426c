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
  return RunCataloger(npm::YarnLock, Fixture("catalog/npm/" + folder), "yarn.lock");
}

// Both fixtures lock the same project (tests/fixtures/catalog/npm/generate_locks.sh).
void ExpectSupportBot(const testing::CatalogOutput& out) {
  EXPECT_TRUE(out.warnings.empty());
  const Component* project = out.Find("support-bot");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->kind, ComponentKind::kApplication);

  const Component* openai = FindVersion(out, "openai", "4.104.0");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_FALSE(openai->dev);
  EXPECT_TRUE(Related(out, project->Key(), openai->Key()));
  const Component* types18 = FindVersion(out, "@types/node", "18.19.130");
  ASSERT_NE(types18, nullptr);
  EXPECT_EQ(types18->scope, Scope::kTransitive);
  EXPECT_TRUE(Related(out, openai->Key(), types18->Key()));
  EXPECT_FALSE(Related(out, openai->Key(), FindVersion(out, "@types/node", "22.20.5")->Key()));

  // The lock file does not say what is dev-only; the package.json next to it does.
  const Component* typescript = FindVersion(out, "typescript", "5.6.3");
  ASSERT_NE(typescript, nullptr);
  EXPECT_TRUE(typescript->dev);
  EXPECT_EQ(typescript->scope, Scope::kDirect);
  EXPECT_TRUE(FindVersion(out, "@types/node", "22.20.5")->dev);
  EXPECT_FALSE(types18->dev);

  const Component* lodash = FindVersion(out, "lodash", "3.10.1");
  ASSERT_NE(lodash, nullptr);
  EXPECT_EQ(lodash->properties.at("aisec:alias"), "legacy-lodash");
  EXPECT_EQ(lodash->purl, "pkg:npm/lodash@3.10.1");
  EXPECT_TRUE(Related(out, project->Key(), lodash->Key()));
}

TEST(YarnLock, ReadsClassicLockFiles) {
  auto out = Catalog("yarn-classic");
  ExpectSupportBot(out);
  const Component* sdk = FindVersion(out, "@ai-sdk/openai", "1.3.24");
  ASSERT_NE(sdk, nullptr);
  EXPECT_EQ(sdk->purl, "pkg:npm/%40ai-sdk/openai@1.3.24");
  EXPECT_EQ(sdk->evidence[0].location.line, 5u);
  EXPECT_EQ(sdk->evidence[0].snippet, "\"@ai-sdk/openai@^1.0.0\":");
  EXPECT_EQ(sdk->evidence[0].method, EvidenceMethod::kLockfile);
  // Integrity (SHA-512) and the SHA-1 after '#' in the registry URL.
  const Component* openai = FindVersion(out, "openai", "4.104.0");
  ASSERT_EQ(openai->hashes.size(), 2u);
  EXPECT_EQ(openai->hashes[0].algorithm, "SHA-512");
  EXPECT_EQ(openai->hashes[0].value.substr(0, 16), "a7df4414db00ff25");
  EXPECT_EQ(openai->hashes[1].algorithm, "SHA-1");
  EXPECT_EQ(openai->hashes[1].value, "c489765dc051b95019845dab64b0e5207cae4d30");
  EXPECT_EQ(openai->evidence[0].location.line, 364u);
}

TEST(YarnLock, ClassicHeadersListEverySpecTheyResolve) {
  auto out = Catalog("yarn-classic");
  // "call-bind-apply-helpers@^1.0.1, call-bind-apply-helpers@^1.0.2:" is one package that both
  // get-intrinsic (^1.0.2) and dunder-proto (^1.0.1) depend on.
  const Component* helpers = out.Find("call-bind-apply-helpers");
  ASSERT_NE(helpers, nullptr);
  EXPECT_EQ(helpers->evidence[0].location.line, 128u);
  int dependents = 0;
  for (const auto& r : out.relations) dependents += r.to == helpers->Key();
  EXPECT_GE(dependents, 2);
}

TEST(YarnLock, ReadsBerryLockFiles) {
  auto out = Catalog("yarn-berry");
  ExpectSupportBot(out);
  const Component* sdk = FindVersion(out, "@ai-sdk/openai", "1.3.24");
  ASSERT_NE(sdk, nullptr);
  EXPECT_EQ(sdk->evidence[0].location.line, 8u);
  EXPECT_TRUE(sdk->hashes.empty());  // berry's checksum is of yarn's zip, not the tarball
  EXPECT_EQ(sdk->properties.at("aisec:yarn-checksum").substr(0, 10), "10c0/fb8e1");
  // Workspaces are projects; the root one depends on the other through "workspace:*".
  const Component* root = out.Find("support-bot");
  const Component* prompts = out.Find("@support-bot/prompts");
  ASSERT_NE(prompts, nullptr);
  EXPECT_EQ(prompts->kind, ComponentKind::kApplication);
  EXPECT_EQ(root->version, "1.4.0");  // "0.0.0-use.local" in the lock; package.json has it
  EXPECT_EQ(prompts->version, "");
  EXPECT_TRUE(Related(out, root->Key(), prompts->Key()));
  EXPECT_TRUE(Related(out, prompts->Key(), FindVersion(out, "mustache", "4.2.0")->Key()));
  // typescript is also locked as a yarn patch of itself: one component, marked patched.
  int typescripts = 0;
  for (const auto& c : out.components) typescripts += c.name == "typescript";
  EXPECT_EQ(typescripts, 1);
  EXPECT_EQ(FindVersion(out, "typescript", "5.6.3")->properties.at("aisec:patched"), "true");
}

TEST(YarnLock, ClassicWithoutPackageJsonGuessesDirectDependencies) {
  testing::TempDir dir;
  dir.Write("svc/yarn.lock", R"(# yarn lockfile v1


a@^1.0.0:
  version "1.0.0"
  dependencies:
    b "^2.0.0"

b@^2.0.0:
  version "2.1.0"
)");
  auto out = RunCataloger(npm::YarnLock, dir.path(), "svc/yarn.lock");
  EXPECT_TRUE(out.warnings.empty());
  const Component* project = out.Find("svc");  // named after the folder
  ASSERT_NE(project, nullptr);
  EXPECT_TRUE(Related(out, project->Key(), "pkg:npm/a@1.0.0"));
  EXPECT_FALSE(Related(out, project->Key(), "pkg:npm/b@2.1.0"));
  EXPECT_TRUE(Related(out, "pkg:npm/a@1.0.0", "pkg:npm/b@2.1.0"));
  EXPECT_EQ(FindVersion(out, "b", "2.1.0")->scope, Scope::kTransitive);
}

TEST(YarnLock, TruncatedClassicFileWarnsAtTheIncompleteEntry) {
  auto out = Catalog("yarn-malformed/truncated");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 364u);
  EXPECT_NE(FindVersion(out, "mustache", "4.2.0"), nullptr);  // what came before is kept
}

TEST(YarnLock, InvalidUtf8LineIsSkippedWithAWarning) {
  auto out = Catalog("yarn-malformed/invalid_utf8");
  // The version line of the first entry is lost, so that entry has no version either.
  ASSERT_EQ(out.warnings.size(), 2u);
  EXPECT_EQ(out.warnings[0].location.line, 6u);
  EXPECT_NE(out.warnings[0].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(out.warnings[1].location.line, 5u);
  EXPECT_EQ(FindVersion(out, "@ai-sdk/openai", "1.3.24"), nullptr);
  EXPECT_NE(FindVersion(out, "openai", "4.104.0"), nullptr);
}

TEST(YarnLock, InvalidBerryYamlGivesALocatedWarning) {
  auto out = Catalog("yarn-malformed/berry_invalid");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 10u);
}

// A workspace package's declarations (packages/prompts/package.json) merge with the root lock's
// entries for that workspace.
TEST(YarnLock, ScanMergesWorkspacePackageDependenciesWithTheLock) {
  testing::ExpectScanMergesWorkspace("yarn-berry", "yarn.lock");
}

}  // namespace
}  // namespace aisec::catalog
