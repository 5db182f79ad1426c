#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/npm/lock_test_util.h"
#include "catalog/registry_decls.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::FindProject;
using testing::FindVersion;
using testing::Related;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& folder) {
  return RunCataloger(npm::PackageLock, Fixture("catalog/npm/" + folder), "package-lock.json");
}

constexpr char kOpenAiSha512[] =
    "a7df4414db00ff25fa52154ef777f9909b0344b020f824c0d9106a7472b846d2"
    "bcbb9209c37d87c9bd9d4c629b9e71669eea01bf9afb676094448f6c199a52b8";

// The three fixtures lock the same project; what they record must read the same.
void ExpectSupportBot(const testing::CatalogOutput& out) {
  EXPECT_TRUE(out.warnings.empty());
  const Component* project = out.Find("support-bot");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->kind, ComponentKind::kApplication);
  EXPECT_EQ(project->version, "1.4.0");

  const Component* openai = FindVersion(out, "openai", "4.104.0");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->purl, "pkg:npm/openai@4.104.0");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_FALSE(openai->dev);
  EXPECT_EQ(openai->evidence[0].method, EvidenceMethod::kLockfile);
  ASSERT_EQ(openai->hashes.size(), 1u);
  EXPECT_EQ(openai->hashes[0].algorithm, "SHA-512");
  EXPECT_EQ(openai->hashes[0].value, kOpenAiSha512);
  EXPECT_TRUE(Related(out, project->Key(), openai->Key()));

  // openai needs @types/node ^18 and gets its own nested copy; the project's dev tooling has 22.
  const Component* nested = FindVersion(out, "@types/node", "18.19.130");
  const Component* hoisted = FindVersion(out, "@types/node", "22.20.5");
  ASSERT_NE(nested, nullptr);
  ASSERT_NE(hoisted, nullptr);
  EXPECT_EQ(nested->purl, "pkg:npm/%40types/node@18.19.130");
  EXPECT_EQ(nested->scope, Scope::kTransitive);
  EXPECT_TRUE(Related(out, openai->Key(), nested->Key()));
  EXPECT_FALSE(Related(out, openai->Key(), hoisted->Key()));
  EXPECT_TRUE(Related(out, nested->Key(), FindVersion(out, "undici-types", "5.26.5")->Key()));
  EXPECT_TRUE(Related(out, hoisted->Key(), FindVersion(out, "undici-types", "6.21.0")->Key()));

  const Component* typescript = FindVersion(out, "typescript", "5.6.3");
  ASSERT_NE(typescript, nullptr);
  EXPECT_TRUE(typescript->dev);
  EXPECT_EQ(typescript->scope, Scope::kDirect);
  EXPECT_EQ(FindVersion(out, "fsevents", "2.3.3")->properties.at("aisec:optional"), "true");

  // "legacy-lodash": "npm:lodash@^3.10.1" installs lodash under another name.
  const Component* lodash = FindVersion(out, "lodash", "3.10.1");
  ASSERT_NE(lodash, nullptr);
  EXPECT_EQ(lodash->properties.at("aisec:alias"), "legacy-lodash");
  EXPECT_EQ(lodash->scope, Scope::kDirect);
}

TEST(PackageLock, ReadsVersion3) {
  auto out = Catalog("lock-v3");
  ExpectSupportBot(out);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].location.line, 605u);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].snippet, "\"node_modules/openai\": {");
  EXPECT_EQ(FindVersion(out, "@types/node", "18.19.130")->evidence[0].location.line, 634u);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->licenses, std::vector<std::string>{"Apache-2.0"});
  EXPECT_EQ(FindVersion(out, "react", "19.3.1")->properties.at("aisec:peer"), "true");
}

TEST(PackageLock, ReadsVersion2) { ExpectSupportBot(Catalog("lock-v2")); }

TEST(PackageLock, ReadsVersion1WithNestedDependencies) {
  auto out = Catalog("lock-v1");
  ExpectSupportBot(out);
  EXPECT_EQ(FindVersion(out, "openai", "4.104.0")->evidence[0].location.line, 333u);
  EXPECT_EQ(FindVersion(out, "@types/node", "18.19.130")->evidence[0].location.line, 346u);
}

TEST(PackageLock, LinksResolveToWorkspaceProjects) {
  auto out = Catalog("lock-v3");
  const Component* prompts = out.Find("@support-bot/prompts");
  ASSERT_NE(prompts, nullptr);
  EXPECT_EQ(prompts->kind, ComponentKind::kApplication);
  EXPECT_EQ(prompts->version, "0.2.0");
  EXPECT_TRUE(Related(out, out.Find("support-bot")->Key(), prompts->Key()));
  const Component* mustache = FindVersion(out, "mustache", "4.2.0");
  ASSERT_NE(mustache, nullptr);
  EXPECT_TRUE(Related(out, prompts->Key(), mustache->Key()));
  EXPECT_EQ(mustache->scope, Scope::kDirect);  // of the workspace
}

TEST(PackageLock, ReadsSourcesFlagsAndSeveralHashes) {
  auto out = Catalog("lock-sources");
  EXPECT_TRUE(out.warnings.empty());
  const Component* openai = FindVersion(out, "openai", "4.104.0");
  ASSERT_NE(openai, nullptr);
  ASSERT_EQ(openai->hashes.size(), 2u);
  EXPECT_EQ(openai->hashes[1].algorithm, "SHA-1");
  EXPECT_EQ(openai->hashes[1].value, "c489765dc051b95019845dab64b0e5207cae4d30");

  const Component* tokenizer = FindVersion(out, "tokenizer", "1.2.0");
  ASSERT_NE(tokenizer, nullptr);
  EXPECT_EQ(tokenizer->properties.at("aisec:source"), "git");
  EXPECT_EQ(tokenizer->scope, Scope::kDirect);

  const Component* sharp = FindVersion(out, "sharp", "0.33.5");
  EXPECT_TRUE(sharp->dev);
  EXPECT_EQ(sharp->properties.at("aisec:install-script"), "true");
  const Component* binary = FindVersion(out, "@img/sharp-darwin-arm64", "0.33.5");
  EXPECT_TRUE(binary->dev);  // devOptional
  EXPECT_EQ(binary->properties.at("aisec:optional"), "true");
  EXPECT_TRUE(Related(out, sharp->Key(), binary->Key()));

  // A file: dependency outside the project is a library from a local folder, reached by a link.
  const Component* local = FindVersion(out, "local-utils", "1.0.0");
  ASSERT_NE(local, nullptr);
  EXPECT_EQ(local->kind, ComponentKind::kLibrary);
  EXPECT_EQ(local->properties.at("aisec:path"), "../local-utils");
  EXPECT_EQ(local->purl, "");
  EXPECT_TRUE(Related(out, FindProject(out)->Key(), local->Key()));
}

TEST(PackageLock, MalformedFilesGiveLocatedWarnings) {
  struct Case {
    std::string folder;
    uint32_t line;
  };
  for (const Case& c : {Case{"lock-malformed/truncated", 300}, Case{"lock-malformed/invalid_utf8", 31},
                        Case{"lock-malformed/deep_nesting", 0}}) {
    SCOPED_TRACE(c.folder);
    auto out = Catalog(c.folder);
    EXPECT_TRUE(out.components.empty());
    ASSERT_EQ(out.warnings.size(), 1u);
    EXPECT_EQ(out.warnings[0].location.path, "package-lock.json");
    EXPECT_EQ(out.warnings[0].location.line, c.line);
  }
}

TEST(PackageLock, EntriesOfTheWrongTypeAreSkippedWithAWarning) {
  testing::TempDir dir;
  dir.Write("package-lock.json", R"({
  "lockfileVersion": 3,
  "packages": {
    "": {"name": "app", "dependencies": {"a": "1"}},
    "node_modules/a": "not an object",
    "node_modules/b": {"version": "2.0.0"}
  }
})");
  auto out = RunCataloger(npm::PackageLock, dir.path(), "package-lock.json");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 5u);
  EXPECT_NE(FindVersion(out, "b", "2.0.0"), nullptr);
}

// The reader streams the file; its output must not depend on the order of the members, as a
// parsed tree's (sorted keys) did not.
TEST(PackageLock, MemberOrderDoesNotChangeTheOutput) {
  auto write = [](const testing::TempDir& dir, bool reversed) {
    std::vector<std::string> members = {
        R"("": {"name": "app", "dependencies": {"b": "1", "a": "1"}})",
        R"("node_modules/a": {"version": "1.0.0", "dependencies": {"b": "1"}})",
        R"("node_modules/b": {"version": "2.0.0"})"};
    if (reversed) std::reverse(members.begin(), members.end());
    std::string text = "{\"lockfileVersion\": 3, \"packages\": {\n";
    for (size_t i = 0; i < members.size(); ++i) text += members[i] + (i + 1 < members.size() ? ",\n" : "\n");
    dir.Write("package-lock.json", text + "}}\n");
  };
  testing::TempDir one, two;
  write(one, false);
  write(two, true);
  auto a = RunCataloger(npm::PackageLock, one.path(), "package-lock.json");
  auto b = RunCataloger(npm::PackageLock, two.path(), "package-lock.json");
  ASSERT_EQ(a.components.size(), 3u);
  ASSERT_EQ(b.components.size(), 3u);
  for (size_t i = 0; i < a.components.size(); ++i) EXPECT_EQ(a.components[i].Key(), b.components[i].Key());
  ASSERT_EQ(a.relations.size(), 3u);
  ASSERT_EQ(b.relations.size(), 3u);
  EXPECT_EQ(FindVersion(a, "b", "2.0.0")->evidence[0].location.line, 4u);  // lines follow the file
  EXPECT_EQ(FindVersion(b, "b", "2.0.0")->evidence[0].location.line, 2u);
}

}  // namespace
}  // namespace aisec::catalog
