#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "catalog/npm/lock_test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Related;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& file) {
  return RunCataloger(npm::PackageJson, Fixture("catalog/npm/package-json"), file);
}

TEST(PackageJson, ReadsTheProjectAndRelatesItsDependencies) {
  auto out = Catalog("specs/package.json");
  const Component* project = out.Find("@acme/chat-ui");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->kind, ComponentKind::kApplication);
  EXPECT_EQ(project->version, "2.0.1");
  EXPECT_EQ(project->evidence[0].location.line, 2u);
  EXPECT_EQ(project->purl, "pkg:npm/%40acme/chat-ui@2.0.1");  // named projects are keyed by purl
  EXPECT_TRUE(Related(out, project->Key(), "pkg:npm/openai"));
  EXPECT_TRUE(Related(out, project->Key(), "pkg:npm/%40anthropic-ai/sdk@0.30.1"));
  // 17 dependencies, one of them ("broken") not a string.
  EXPECT_EQ(out.components.size(), 1u + 16u);
  EXPECT_EQ(out.relations.size(), 16u);
}

TEST(PackageJson, KeepsRangesAsSpecsAndExactVersionsInPurls) {
  auto out = Catalog("specs/package.json");
  const Component* sdk = out.Find("@anthropic-ai/sdk");
  ASSERT_NE(sdk, nullptr);
  EXPECT_EQ(sdk->version, "0.30.1");
  EXPECT_EQ(sdk->purl, "pkg:npm/%40anthropic-ai/sdk@0.30.1");
  EXPECT_EQ(sdk->scope, Scope::kDirect);
  EXPECT_EQ(sdk->evidence[0].location.line, 6u);
  EXPECT_EQ(sdk->evidence[0].snippet, "\"@anthropic-ai/sdk\": \"0.30.1\",");
  EXPECT_EQ(sdk->evidence[0].method, EvidenceMethod::kManifest);

  const Component* ai = out.Find("ai");
  ASSERT_NE(ai, nullptr);
  EXPECT_EQ(ai->version, "");
  EXPECT_EQ(ai->version_spec, ">=3.4.0 <5");
  EXPECT_EQ(ai->purl, "pkg:npm/ai");
  EXPECT_EQ(out.Find("anything")->version_spec, "*");
  EXPECT_EQ(out.Find("typescript")->version, "5.6.3");  // "=5.6.3"
}

TEST(PackageJson, MarksDevOptionalAndPeerGroups) {
  auto out = Catalog("specs/package.json");
  EXPECT_TRUE(out.Find("vitest")->dev);
  EXPECT_TRUE(out.Find("typescript")->dev);
  EXPECT_FALSE(out.Find("openai")->dev);
  EXPECT_EQ(out.Find("fsevents")->properties.at("aisec:optional"), "true");
  const Component* react = out.Find("react");
  EXPECT_EQ(react->properties.at("aisec:peer"), "true");
  EXPECT_EQ(react->version_spec, "^18.0.0 || ^19.0.0");
  EXPECT_FALSE(react->dev);
}

TEST(PackageJson, RecordsAliasesAndNonRegistrySources) {
  auto out = Catalog("specs/package.json");
  EXPECT_EQ(out.Find("legacy-lodash"), nullptr);  // the alias installs lodash
  const Component* lodash = out.Find("lodash");
  ASSERT_NE(lodash, nullptr);
  EXPECT_EQ(lodash->version_spec, "^3.10.1");
  EXPECT_EQ(lodash->properties.at("aisec:alias"), "legacy-lodash");

  auto source = [&](const std::string& name) { return out.Find(name)->properties.at("aisec:source"); };
  EXPECT_EQ(source("@acme/prompts"), "workspace");
  EXPECT_EQ(out.Find("@acme/prompts")->properties.at("aisec:spec"), "workspace:^");
  EXPECT_EQ(source("tokenizer"), "git");
  EXPECT_EQ(out.Find("tokenizer")->properties.at("aisec:url"), "github:acme/tokenizer#v1.2.0");
  EXPECT_EQ(source("llm-guard"), "git");
  EXPECT_EQ(source("local-utils"), "file");
  EXPECT_EQ(out.Find("local-utils")->properties.at("aisec:path"), "../local-utils");
  EXPECT_EQ(source("linked-theme"), "link");
  EXPECT_EQ(source("pinned-tarball"), "url");
  EXPECT_EQ(source("nightly"), "tag");
  // Local packages are not the registry packages of those names.
  EXPECT_EQ(out.Find("@acme/prompts")->purl, "");
  EXPECT_EQ(out.Find("local-utils")->purl, "");
  EXPECT_EQ(out.Find("linked-theme")->purl, "");
  EXPECT_EQ(out.Find("tokenizer")->purl, "pkg:npm/tokenizer");
  EXPECT_EQ(out.Find("nightly")->version_spec, "");
}

TEST(PackageJson, WarnsAtEntriesOfTheWrongType) {
  auto out = Catalog("specs/package.json");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 18u);
  EXPECT_NE(out.warnings[0].message.find("broken"), std::string::npos);
}

TEST(PackageJson, MalformedFilesGiveLocatedWarnings) {
  struct Case {
    std::string file;
    uint32_t line;
  };
  for (const Case& c : {Case{"truncated/package.json", 12}, Case{"invalid_utf8/package.json", 7},
                        Case{"deep_nesting/package.json", 0}, Case{"not_object/package.json", 1}}) {
    SCOPED_TRACE(c.file);
    auto out = Catalog(c.file);
    EXPECT_TRUE(out.components.empty());
    ASSERT_EQ(out.warnings.size(), 1u);
    EXPECT_EQ(out.warnings[0].location.path, c.file);
    EXPECT_EQ(out.warnings[0].location.line, c.line);
  }
}

TEST(PackageJson, ProjectWithoutNameIsNamedAfterItsFolder) {
  testing::TempDir dir;
  dir.Write("web-client/package.json", R"({"dependencies": {"openai": "^4"}})");
  auto out = RunCataloger(npm::PackageJson, dir.path(), "web-client/package.json");
  const Component* project = out.Find("web-client");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->kind, ComponentKind::kApplication);
  EXPECT_EQ(project->properties.at("aisec:named-by"), "folder");
  EXPECT_TRUE(project->purl.empty());
}

// Issue 5: the licence field and its legacy forms; installed packages under node_modules.
TEST(PackageJson, ProjectLicenceInEveryForm) {
  auto lic = [](const char* dir, const char* name) {
    auto out = RunCataloger(npm::PackageJson, Fixture(std::string("catalog/npm/licenses/") + dir), "package.json");
    const Component* c = out.Find(name);
    EXPECT_NE(c, nullptr) << dir;
    return c ? c->licenses : std::vector<std::string>{"<none>"};
  };
  EXPECT_EQ(lic("string", "webapp"), std::vector<std::string>{"GPL-3.0"});
  EXPECT_EQ(lic("object", "legacy-object"), std::vector<std::string>{"MIT"});
  EXPECT_EQ(lic("array", "legacy-array"), (std::vector<std::string>{"MIT", "Apache-2.0"}));
  EXPECT_EQ(lic("see-file", "see-file"), std::vector<std::string>{"LicenseRef-see-license-file"});
}

TEST(PackageJson, InstalledPackageIsALibraryWithItsLicence) {
  auto root = Fixture("catalog/npm/licenses/tree");
  auto out = RunCataloger(npm::PackageJson, root, "node_modules/leftpad/package.json");
  ASSERT_EQ(out.components.size(), 1u);  // its own dependencies are not this project's
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kLibrary);
  EXPECT_EQ(c.purl, "pkg:npm/leftpad@1.0.0");
  EXPECT_EQ(c.licenses, std::vector<std::string>{"AGPL-3.0"});
  auto scoped = RunCataloger(npm::PackageJson, root, "node_modules/@ai-sdk/openai/package.json");
  ASSERT_EQ(scoped.components.size(), 1u);
  EXPECT_EQ(scoped.components[0].name, "@ai-sdk/openai");
  EXPECT_EQ(scoped.components[0].kind, ComponentKind::kLibrary);
  auto odd = RunCataloger(npm::PackageJson, root, "node_modules/nolicense/package.json");
  ASSERT_EQ(odd.components.size(), 1u);
  EXPECT_TRUE(odd.components[0].licenses.empty());  // "license": 42 is no licence
  auto project = RunCataloger(npm::PackageJson, root, "package.json");
  const Component* app = project.Find("tree");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->licenses, std::vector<std::string>{"MIT"});
}

}  // namespace
}  // namespace aisec::catalog
