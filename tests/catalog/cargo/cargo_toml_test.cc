#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& file) {
  return RunCataloger(cargo::CargoToml, Fixture("catalog/cargo"), file);
}

bool Related(const testing::CatalogOutput& out, const std::string& from, const std::string& to) {
  return std::find(out.relations.begin(), out.relations.end(), Relation{from, to}) != out.relations.end();
}

TEST(CargoToml, ReadsThePackageAndItsDependencyTables) {
  auto out = Catalog("forms/Cargo.toml");
  EXPECT_TRUE(out.warnings.empty());
  const Component* project = out.Find("rag-indexer");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->kind, ComponentKind::kApplication);
  EXPECT_EQ(project->version, "1.2.0");
  EXPECT_EQ(project->evidence[0].location.line, 2u);
  EXPECT_EQ(out.components.size(), 1u + 15u);  // [patch] entries are not dependencies
  EXPECT_EQ(out.relations.size(), 15u);

  const Component* anyhow = out.Find("anyhow");
  ASSERT_NE(anyhow, nullptr);
  EXPECT_EQ(anyhow->ecosystem, "cargo");
  EXPECT_EQ(anyhow->version, "");
  EXPECT_EQ(anyhow->version_spec, "1");  // a caret range, not a version
  EXPECT_EQ(anyhow->purl, "pkg:cargo/anyhow");
  EXPECT_EQ(anyhow->scope, Scope::kDirect);
  EXPECT_EQ(anyhow->evidence[0].location.line, 8u);
  EXPECT_EQ(anyhow->evidence[0].snippet, "anyhow = \"1\"");
  EXPECT_TRUE(Related(out, project->Key(), anyhow->Key()));
}

TEST(CargoToml, ReadsTableFormsFeaturesAndSources) {
  auto out = Catalog("forms/Cargo.toml");
  const Component* ort = out.Find("ort");
  EXPECT_EQ(ort->version_spec, "2.0.0-rc.8");
  EXPECT_EQ(ort->properties.at("aisec:features"), "load-dynamic,cuda");

  const Component* tokenizers = out.Find("tokenizers");
  EXPECT_EQ(tokenizers->properties.at("aisec:source"), "git");
  EXPECT_EQ(tokenizers->properties.at("aisec:url"), "https://github.com/huggingface/tokenizers");
  EXPECT_EQ(tokenizers->properties.at("aisec:git-ref"), "tag=v0.20.1");
  EXPECT_EQ(out.Find("llm-chain")->properties.at("aisec:optional"), "true");
  EXPECT_EQ(out.Find("local-store")->properties.at("aisec:path"), "../local-store");
  EXPECT_EQ(out.Find("local-store")->version_spec, "0.1");
  EXPECT_EQ(out.Find("local-store")->purl, "");
  EXPECT_EQ(out.Find("internal-auth")->properties.at("aisec:registry"), "acme");

  const Component* qdrant = out.Find("qdrant-client");  // dotted keys
  ASSERT_NE(qdrant, nullptr);
  EXPECT_EQ(qdrant->version_spec, "1.12");
  EXPECT_EQ(qdrant->properties.at("aisec:features"), "serde");
  EXPECT_EQ(qdrant->evidence[0].location.line, 15u);
  const Component* hub = out.Find("hf-hub");  // [dependencies.hf-hub]
  ASSERT_NE(hub, nullptr);
  EXPECT_EQ(hub->version_spec, "0.3.2");
  EXPECT_EQ(hub->evidence[0].location.line, 18u);
}

TEST(CargoToml, RenamedDependenciesAreTheRealCrate) {
  auto out = Catalog("forms/Cargo.toml");
  EXPECT_EQ(out.Find("reqwest_old"), nullptr);
  const Component* reqwest = out.Find("reqwest");
  ASSERT_NE(reqwest, nullptr);
  EXPECT_EQ(reqwest->version, "0.11.27");  // "=0.11.27" is exact
  EXPECT_EQ(reqwest->purl, "pkg:cargo/reqwest@0.11.27");
  EXPECT_EQ(reqwest->properties.at("aisec:alias"), "reqwest_old");
}

TEST(CargoToml, MarksDevBuildAndTargetSpecificDependencies) {
  auto out = Catalog("forms/Cargo.toml");
  EXPECT_TRUE(out.Find("criterion")->dev);
  EXPECT_TRUE(out.Find("old-style")->dev);  // [dev_dependencies]
  EXPECT_FALSE(out.Find("anyhow")->dev);
  EXPECT_EQ(out.Find("prost-build")->properties.at("aisec:build"), "true");
  EXPECT_FALSE(out.Find("prost-build")->dev);
  EXPECT_EQ(out.Find("metal")->properties.at("aisec:target"), "cfg(target_os = \"macos\")");
  const Component* windows = out.Find("windows");
  EXPECT_TRUE(windows->dev);
  EXPECT_EQ(windows->properties.at("aisec:target"), "x86_64-pc-windows-msvc");
  EXPECT_EQ(windows->evidence[0].location.line, 33u);
}

TEST(CargoToml, VirtualWorkspaceDeclaresSharedDependencies) {
  auto out = Catalog("workspace/Cargo.toml");
  EXPECT_TRUE(out.warnings.empty());
  EXPECT_TRUE(out.relations.empty());
  ASSERT_EQ(out.components.size(), 3u);  // no [package]: no project
  const Component* serde = out.Find("serde");
  EXPECT_EQ(serde->scope, Scope::kDeclared);
  EXPECT_EQ(serde->version_spec, "1.0.210");
  EXPECT_EQ(serde->properties.at("aisec:workspace-dependency"), "true");
  EXPECT_EQ(serde->properties.at("aisec:features"), "derive");
}

TEST(CargoToml, MembersInheritFromTheWorkspace) {
  auto out = Catalog("workspace/app/Cargo.toml");
  EXPECT_TRUE(out.warnings.empty());
  const Component* project = out.Find("support-agent");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->version, "0.4.0");  // version.workspace = true: the root's [workspace.package]
  const Component* serde = out.Find("serde");  // serde.workspace = true
  EXPECT_EQ(serde->properties.at("aisec:workspace"), "true");
  EXPECT_EQ(serde->version_spec, "1.0.210");  // from the root's [workspace.dependencies]
  EXPECT_EQ(serde->properties.at("aisec:features"), "derive");
  EXPECT_EQ(serde->scope, Scope::kDirect);
  EXPECT_EQ(serde->evidence[0].location.path, "workspace/app/Cargo.toml");
  const Component* tokio = out.Find("tokio");  // tokio = { workspace = true }
  EXPECT_EQ(tokio->properties.at("aisec:workspace"), "true");
  EXPECT_EQ(tokio->version_spec, "1.40");
  EXPECT_EQ(tokio->properties.at("aisec:features"), "rt-multi-thread,macros");
  EXPECT_EQ(out.Find("prompts")->properties.at("aisec:source"), "path");
  const Component* candle = out.Find("candle-core");
  EXPECT_EQ(candle->version, "0.7.2");
  EXPECT_EQ(candle->properties.at("aisec:optional"), "true");
  EXPECT_EQ(out.Find("base64")->properties.at("aisec:alias"), "b64");
  EXPECT_EQ(out.Find("windows-sys")->properties.at("aisec:target"), "cfg(windows)");
  EXPECT_TRUE(Related(out, project->Key(), out.Find("tempfile")->Key()));
}

TEST(CargoToml, OnlyListedMembersInherit) {
  auto out = Catalog("workspace-excluded/tools/Cargo.toml");  // in the root's `exclude`
  EXPECT_EQ(out.Find("tools")->version, "");
  EXPECT_EQ(out.Find("serde")->version_spec, "");
  auto member = Catalog("workspace-excluded/crates/core/Cargo.toml");  // matched by "crates/*"
  EXPECT_EQ(member.Find("core")->version, "2.1.0");
  EXPECT_EQ(member.Find("serde")->version_spec, "1.0.210");
  EXPECT_EQ(member.Find("anyhow")->version_spec, "");  // not in [workspace.dependencies]
  EXPECT_EQ(member.Find("anyhow")->properties.at("aisec:workspace"), "true");
}

// The scan merges what members inherit with the lock's entries, like any direct dependency.
TEST(CargoToml, ScanMergesInheritedDependenciesWithTheLock) {
  auto doc = testing::ScanJson(Fixture("catalog/cargo/workspace"));
  auto serde = testing::ComponentsNamed(doc, "serde");
  ASSERT_EQ(serde.size(), 1u);
  EXPECT_EQ(serde[0]["version"], "1.0.210");
  EXPECT_EQ(serde[0]["purl"], "pkg:cargo/serde@1.0.210");
  EXPECT_EQ(serde[0]["version_spec"], "1.0.210");
  EXPECT_EQ(serde[0]["scope"], "direct");
  std::set<std::string> files;
  for (const auto& e : serde[0]["evidence"]) files.insert(e["path"].get<std::string>());
  EXPECT_EQ(files, (std::set<std::string>{"Cargo.lock", "Cargo.toml", "app/Cargo.toml",
                                          "crates/prompts/Cargo.toml"}));
  auto tokio = testing::ComponentsNamed(doc, "tokio");
  ASSERT_EQ(tokio.size(), 1u);
  EXPECT_EQ(tokio[0]["version"], "1.40.0");
  EXPECT_EQ(tokio[0]["scope"], "direct");
  auto agent = testing::ComponentsNamed(doc, "support-agent");
  ASSERT_EQ(agent.size(), 1u);  // the member's version is the workspace's, as in the lock
  EXPECT_EQ(agent[0]["version"], "0.4.0");
  nlohmann::json edge = {{"from", agent[0]["ref"]}, {"to", "pkg:cargo/serde@1.0.210"}, {"kind", "depends-on"}};
  EXPECT_NE(std::find(doc["relations"].begin(), doc["relations"].end(), edge), doc["relations"].end());
}

TEST(CargoToml, MalformedFilesGiveLocatedWarnings) {
  struct Case {
    std::string file;
    uint32_t line;
  };
  for (const Case& c : {Case{"malformed/invalid_toml/Cargo.toml", 8}, Case{"malformed/invalid_utf8/Cargo.toml", 8},
                        Case{"malformed/deep_nesting/Cargo.toml", 0}}) {
    SCOPED_TRACE(c.file);
    auto out = Catalog(c.file);
    EXPECT_TRUE(out.components.empty());
    ASSERT_EQ(out.warnings.size(), 1u);
    EXPECT_EQ(out.warnings[0].location.path, c.file);
    EXPECT_EQ(out.warnings[0].location.line, c.line);
  }
}

TEST(CargoToml, EntriesOfTheWrongTypeAreSkippedWithAWarning) {
  auto out = Catalog("malformed/bad_types/Cargo.toml");
  std::vector<uint32_t> lines;
  for (const auto& w : out.warnings) lines.push_back(w.location.line);
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<uint32_t>{1, 9, 10}));
  EXPECT_NE(out.Find("fine"), nullptr);
  EXPECT_EQ(out.components.size(), 2u);
}

// Issue 5: [package] license, license-file and a licence inherited from the workspace.
TEST(CargoToml, PackageLicence) {
  auto expr = RunCataloger(cargo::CargoToml, Fixture("catalog/cargo/licenses/expr"), "Cargo.toml");
  ASSERT_NE(expr.Find("c1"), nullptr);
  EXPECT_EQ(expr.Find("c1")->licenses, std::vector<std::string>{"MIT OR Apache-2.0"});
  auto file = RunCataloger(cargo::CargoToml, Fixture("catalog/cargo/licenses/file"), "Cargo.toml");
  ASSERT_NE(file.Find("custom"), nullptr);
  EXPECT_EQ(file.Find("custom")->licenses, std::vector<std::string>{"LicenseRef-see-license-file"});
  auto member = RunCataloger(cargo::CargoToml, Fixture("catalog/cargo/licenses/ws"), "member/Cargo.toml");
  ASSERT_NE(member.Find("member"), nullptr);
  EXPECT_EQ(member.Find("member")->licenses, std::vector<std::string>{"MPL-2.0"});
}

}  // namespace
}  // namespace aisec::catalog
