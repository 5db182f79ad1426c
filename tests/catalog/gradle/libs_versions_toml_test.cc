#include <gtest/gtest.h>

#include "catalog/gradle/version_catalog.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Catalog() {
  return RunCataloger(gradle::LibsVersionsToml, Fixture("catalog/gradle/groovy-app"),
                      "gradle/libs.versions.toml");
}

TEST(LibsVersionsToml, ReadsEveryLibraryForm) {
  auto out = Catalog();
  const Component* lc = out.Find("dev.langchain4j:langchain4j-open-ai");  // module + version.ref
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->version, "0.35.0");
  EXPECT_EQ(lc->purl, "pkg:maven/dev.langchain4j/langchain4j-open-ai@0.35.0");
  EXPECT_EQ(lc->scope, Scope::kDeclared);
  EXPECT_EQ(lc->evidence[0].location.line, 7u);
  EXPECT_EQ(lc->evidence[0].snippet.substr(0, 22), "langchain4j-open-ai = ");
  EXPECT_EQ(out.Find("dev.langchain4j:langchain4j")->version, "0.35.0");  // group + name
  EXPECT_EQ(out.Find("com.squareup.okhttp3:okhttp")->version, "4.12.0");  // "g:a:v"
  EXPECT_EQ(out.Find("org.slf4j:slf4j-api")->version_spec, "[2.0,3.0)");
  const Component* managed = out.Find("org.springframework.ai:spring-ai-openai");
  ASSERT_NE(managed, nullptr);
  EXPECT_EQ(managed->version, "");
  EXPECT_EQ(managed->version_spec, "");
}

TEST(LibsVersionsToml, RichVersionsAndBundles) {
  auto out = Catalog();
  const Component* databind = out.Find("com.fasterxml.jackson.core:jackson-databind");
  ASSERT_NE(databind, nullptr);
  EXPECT_EQ(databind->version, "2.17.2");  // strictly
  EXPECT_EQ(databind->properties.at("aisec:gradle-bundles"), "broken,jackson");
  EXPECT_EQ(out.Find("com.fasterxml.jackson.module:jackson-module-kotlin")
                ->properties.at("aisec:gradle-bundles"),
            "jackson");
}

TEST(LibsVersionsToml, PluginsAreComponentsWithTheirId) {
  auto out = Catalog();
  const Component* boot =
      out.Find("org.springframework.boot:org.springframework.boot.gradle.plugin");
  ASSERT_NE(boot, nullptr);
  EXPECT_EQ(boot->version, "3.3.4");
  EXPECT_EQ(boot->properties.at("aisec:gradle-plugin"), "org.springframework.boot");
  const Component* kotlin =
      out.Find("org.jetbrains.kotlin.jvm:org.jetbrains.kotlin.jvm.gradle.plugin");
  ASSERT_NE(kotlin, nullptr);
  EXPECT_EQ(kotlin->version, "2.0.20");
}

TEST(LibsVersionsToml, BadEntriesGiveLocatedWarnings) {
  auto out = Catalog();
  ASSERT_EQ(out.warnings.size(), 2u);
  EXPECT_EQ(out.warnings[0].location.line, 14u);  // no-module
  EXPECT_EQ(out.warnings[1].location.line, 18u);  // bundle member that does not exist
  EXPECT_EQ(out.components.size(), 9u);           // 7 libraries and 2 plugins
}

TEST(LibsVersionsToml, TruncatedCatalogGivesLocatedWarning) {
  auto out = RunCataloger(gradle::LibsVersionsToml, Fixture("catalog/gradle/malformed"),
                          "truncated.versions.toml");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 5u);
}

TEST(LibsVersionsToml, DeepNestingIsRefused) {
  testing::TempDir dir;
  dir.Write("libs.versions.toml",
            "[libraries]\nx = " + std::string(400, '[') + std::string(400, ']') + "\n");
  auto out = RunCataloger(gradle::LibsVersionsToml, dir.path(), "libs.versions.toml");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("nesting"), std::string::npos);
}

TEST(LibsVersionsToml, AccessorsAndVersions) {
  EXPECT_EQ(gradle::CatalogAccessor("langchain4j-open_ai.x"), "langchain4j.open.ai.x");
  EXPECT_EQ(gradle::SplitGradleVersion("1.2.3!!").exact, "1.2.3");
  EXPECT_EQ(gradle::SplitGradleVersion("latest.release").spec, "latest.release");
  EXPECT_EQ(gradle::SplitGradleVersion("1.+").spec, "1.+");
  EXPECT_EQ(gradle::SplitGradleVersion(" 2.0 ").exact, "2.0");
}

}  // namespace
}  // namespace aisec::catalog
