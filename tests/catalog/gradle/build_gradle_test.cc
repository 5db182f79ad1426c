#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Groovy() {
  return RunCataloger(gradle::BuildGradle, Fixture("catalog/gradle/groovy-app"), "build.gradle");
}
testing::CatalogOutput Kotlin() {
  return RunCataloger(gradle::BuildGradle, Fixture("catalog/gradle/kotlin-app"),
                      "app/build.gradle.kts");
}

TEST(BuildGradle, ReadsStringNotationWithLinesAndSnippets) {
  auto out = Groovy();
  const Component* openai = out.Find("com.theokanning.openai-gpt3-java:service");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "0.18.2");
  EXPECT_EQ(openai->purl, "pkg:maven/com.theokanning.openai-gpt3-java/service@0.18.2");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_EQ(openai->properties.at("aisec:gradle-configuration"), "implementation");
  ASSERT_EQ(openai->evidence.size(), 1u);
  EXPECT_EQ(openai->evidence[0].location.line, 27u);
  EXPECT_EQ(openai->evidence[0].snippet,
            "implementation 'com.theokanning.openai-gpt3-java:service:0.18.2'");
}

TEST(BuildGradle, CommentsAreNotDeclarations) {
  auto out = Groovy();
  EXPECT_EQ(out.Find("com.example:commented-out"), nullptr);
  EXPECT_EQ(out.Find("com.example:line-comment"), nullptr);
  EXPECT_EQ(Kotlin().Find("not:a"), nullptr);
}

TEST(BuildGradle, InterpolatesDefExtAndGradleProperties) {
  auto out = Groovy();
  ASSERT_NE(out.Find("ai.djl:api"), nullptr);
  EXPECT_EQ(out.Find("ai.djl:api")->version, "0.29.0");
  EXPECT_EQ(out.Find("ai.djl.pytorch:pytorch-engine")->version, "0.29.0");
  EXPECT_EQ(out.Find("com.microsoft.onnxruntime:onnxruntime")->version, "1.19.2");
  EXPECT_EQ(out.Find("dev.example:from-properties")->version, "2.5.1");
  const Component* plugin = out.Find("org.jetbrains.kotlin:kotlin-gradle-plugin");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->version, "1.9.24");
  EXPECT_EQ(plugin->properties.at("aisec:gradle-configuration"), "classpath");
  // Single-quoted Groovy strings do not interpolate.
  const Component* single = out.Find("single:quoted");
  ASSERT_NE(single, nullptr);
  EXPECT_EQ(single->version, "");
  EXPECT_EQ(single->version_spec, "${notInterpolated}");
}

TEST(BuildGradle, MapNotationPlatformsAndMultipleArguments) {
  auto out = Groovy();
  const Component* tf = out.Find("org.tensorflow:tensorflow-core-platform");
  ASSERT_NE(tf, nullptr);
  EXPECT_EQ(tf->version, "1.0.0");
  const Component* bom = out.Find("org.springframework.ai:spring-ai-bom");
  ASSERT_NE(bom, nullptr);
  EXPECT_EQ(bom->properties.at("aisec:gradle-platform"), "true");
  const Component* starter =
      out.Find("org.springframework.ai:spring-ai-openai-spring-boot-starter");
  ASSERT_NE(starter, nullptr);
  EXPECT_EQ(starter->version, "");
  EXPECT_EQ(out.Find("com.google.guava:guava")->version, "33.3.0-jre");
  EXPECT_EQ(out.Find("com.google.code.findbugs:jsr305"), nullptr);  // an exclude, not a dependency
  EXPECT_EQ(out.Find("org.apache.commons:commons-lang3")->version_spec, "3.+");
  EXPECT_EQ(out.Find("commons-io:commons-io")->version, "2.16.1");
  EXPECT_EQ(out.Find("a:b")->properties.at("aisec:maven-classifier"), "d");
}

TEST(BuildGradle, ResolvesVersionCatalogAliasesAndBundles) {
  auto out = Groovy();
  const Component* lc = out.Find("dev.langchain4j:langchain4j-open-ai");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->version, "0.35.0");
  EXPECT_EQ(lc->scope, Scope::kDirect);
  EXPECT_EQ(lc->properties.at("aisec:gradle-alias"), "langchain4j-open-ai");
  EXPECT_EQ(lc->evidence[0].location.line, 39u);
  const Component* jk = out.Find("com.fasterxml.jackson.module:jackson-module-kotlin");
  ASSERT_NE(jk, nullptr);
  EXPECT_EQ(jk->version, "2.17.2");
  EXPECT_EQ(jk->evidence[0].location.line, 40u);
}

TEST(BuildGradle, DevFlagsFollowTestConfigurations) {
  auto out = Groovy();
  EXPECT_TRUE(out.Find("org.junit.jupiter:junit-jupiter")->dev);
  EXPECT_TRUE(out.Find("org.junit.platform:junit-platform-launcher")->dev);
  EXPECT_FALSE(out.Find("org.postgresql:postgresql")->dev);
  auto kts = Kotlin();
  EXPECT_TRUE(kts.Find("io.mockk:mockk")->dev);
  EXPECT_TRUE(kts.Find("androidx.test.ext:junit")->dev);
  EXPECT_FALSE(kts.Find("com.google.dagger:dagger-compiler")->dev);
  EXPECT_EQ(
      kts.Find("com.google.dagger:dagger-compiler")->properties.at("aisec:gradle-configuration"),
      "kapt");
}

TEST(BuildGradle, SkipsProjectAndFileDependencies) {
  auto out = Groovy();
  for (const auto& c : out.components) {
    EXPECT_EQ(c.name.find("shared"), std::string::npos);
    EXPECT_EQ(c.name.find("libs"), std::string::npos) << c.name;
  }
}

TEST(BuildGradle, ProjectComponentAndRelations) {
  auto out = Groovy();
  const Component* app = out.Find("groovy-app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->version, "0.3.0");
  const Component* dep = out.Find("commons-io:commons-io");
  EXPECT_NE(std::find(out.relations.begin(), out.relations.end(), Relation{app->Key(), dep->Key()}),
            out.relations.end());
}

TEST(BuildGradle, LocatedWarningsForWhatCannotBeRead) {
  auto out = Groovy();
  std::vector<uint32_t> lines;
  for (const auto& w : out.warnings) lines.push_back(w.location.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{49, 51}));
}

TEST(BuildGradle, KotlinDslNotations) {
  auto out = Kotlin();
  EXPECT_EQ(out.Find("dev.langchain4j:langchain4j")->version, "0.35.0");
  EXPECT_EQ(out.Find("com.knuddels:jtokkit")->version, "2.1.0");  // val x: String = ...
  EXPECT_EQ(out.Find("ai.djl:api")->version, "0.29.0");           // by extra(...)
  EXPECT_EQ(out.Find("org.apache.commons:commons-text")->version, "1.12.0");
  EXPECT_EQ(
      out.Find("org.springframework.ai:spring-ai-bom")->properties.at("aisec:gradle-platform"),
      "true");
  // A call we do not evaluate leaves the version unresolved, not invented.
  const Component* pg = out.Find("org.postgresql:postgresql");
  ASSERT_NE(pg, nullptr);
  EXPECT_EQ(pg->version, "");
  EXPECT_EQ(out.Find("org.apache.logging.log4j:log4j-core"), nullptr);  // a constraint
  EXPECT_EQ(out.Find("org.jetbrains.kotlin:kotlin-stdlib"), nullptr);
}

TEST(BuildGradle, FindsTheCatalogInAParentFolder) {
  auto out = Kotlin();
  const Component* openai = out.Find("com.aallam.openai:openai-client");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "3.8.2");
  EXPECT_EQ(openai->evidence[0].location.path, "app/build.gradle.kts");
  EXPECT_EQ(openai->evidence[0].location.line, 14u);
  EXPECT_EQ(out.Find("io.ktor:ktor-client-core")->version, "2.3.12");
  EXPECT_EQ(out.Find("org.jetbrains.kotlinx:kotlinx-coroutines-core")->version, "1.8.1");
  ASSERT_EQ(out.warnings.size(), 1u);  // libs.versions.not.a.library
  EXPECT_EQ(out.warnings[0].location.line, 32u);
}

TEST(BuildGradle, CatalogReferenceWithoutCatalogWarns) {
  testing::TempDir dir;
  dir.Write("build.gradle", "dependencies {\n  implementation libs.openai\n}\n");
  auto out = RunCataloger(gradle::BuildGradle, dir.path(), "build.gradle");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 2u);
}

TEST(BuildGradle, MalformedScriptsGiveLocatedWarnings) {
  auto root = Fixture("catalog/gradle/malformed");
  auto unterminated = RunCataloger(gradle::BuildGradle, root, "unterminated_string.gradle");
  ASSERT_EQ(unterminated.warnings.size(), 1u);
  EXPECT_EQ(unterminated.warnings[0].location.line, 3u);
  auto comment = RunCataloger(gradle::BuildGradle, root, "unterminated_comment.gradle.kts");
  ASSERT_EQ(comment.warnings.size(), 1u);
  EXPECT_EQ(comment.warnings[0].location.line, 3u);
  auto deep = RunCataloger(gradle::BuildGradle, root, "deep_nesting.gradle");
  ASSERT_EQ(deep.warnings.size(), 1u);
  EXPECT_NE(deep.warnings[0].message.find("nested"), std::string::npos);
  auto utf8 = RunCataloger(gradle::BuildGradle, root, "invalid_utf8.gradle");
  ASSERT_EQ(utf8.warnings.size(), 1u);
  EXPECT_EQ(utf8.warnings[0].location.line, 2u);
  EXPECT_NE(utf8.Find("ok:fine"), nullptr);
}

TEST(BuildGradle, HugeScriptIsCapped) {
  testing::TempDir dir;
  std::string script = "dependencies {\n";
  for (int i = 0; i < 21000; ++i) script += "  implementation 'g:a" + std::to_string(i) + ":1.0'\n";
  script += "}\n";
  dir.Write("build.gradle", script);
  auto out = RunCataloger(gradle::BuildGradle, dir.path(), "build.gradle");
  EXPECT_EQ(out.components.size(), 20001u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 20002u);
}

TEST(BuildGradle, PluginsBlockDeclaresPluginMarkers) {
  auto out = Groovy();
  const Component* boot =
      out.Find("org.springframework.boot:org.springframework.boot.gradle.plugin");
  ASSERT_NE(boot, nullptr);
  EXPECT_EQ(boot->version, "3.3.4");
  EXPECT_EQ(boot->properties.at("aisec:gradle-plugin"), "org.springframework.boot");
  EXPECT_EQ(boot->evidence[0].location.line, 10u);
  EXPECT_EQ(out.Find("java:java.gradle.plugin"), nullptr);  // a core plugin
  const auto kotlin_out = Kotlin();  // Find points into it
  const Component* kotlin =
      kotlin_out.Find("org.jetbrains.kotlin.jvm:org.jetbrains.kotlin.jvm.gradle.plugin");
  ASSERT_NE(kotlin, nullptr);  // alias(libs.plugins.kotlin.jvm)
  EXPECT_EQ(kotlin->version, "2.0.20");
  testing::TempDir dir;
  dir.Write("build.gradle.kts",
            "plugins {\n  kotlin(\"jvm\") version \"2.0.20\"\n  id(\"com.google.devtools.ksp\") "
            "version \"2.0.20-1.0.25\" apply false\n}\n");
  auto kts = RunCataloger(gradle::BuildGradle, dir.path(), "build.gradle.kts");
  ASSERT_NE(kts.Find("org.jetbrains.kotlin.jvm:org.jetbrains.kotlin.jvm.gradle.plugin"), nullptr);
  const Component* ksp = kts.Find("com.google.devtools.ksp:com.google.devtools.ksp.gradle.plugin");
  ASSERT_NE(ksp, nullptr);
  EXPECT_EQ(ksp->version, "2.0.20-1.0.25");
  EXPECT_EQ(ksp->evidence[0].location.line, 3u);
}

TEST(BuildGradle, ScanMergesCatalogDeclarationsWithUse) {
  auto r = testing::RunAisec(
      {"scan", Fixture("catalog/gradle/groovy-app").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> by_name;
  auto doc = nlohmann::json::parse(r.out);
  for (const auto& c : doc["components"]) by_name[c["name"]] = c;
  const auto& used = by_name["dev.langchain4j:langchain4j-open-ai"];
  EXPECT_EQ(used["scope"], "direct");
  EXPECT_EQ(used["evidence"].size(), 2u);  // the catalog entry and the build script line
  EXPECT_EQ(by_name["com.squareup.okhttp3:okhttp"]["scope"], "declared");
}

}  // namespace
}  // namespace aisec::catalog
