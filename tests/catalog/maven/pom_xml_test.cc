#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

bool HasRelation(const testing::CatalogOutput& out, const std::string& from,
                 const std::string& to) {
  return std::find(out.relations.begin(), out.relations.end(), Relation{from, to}) !=
         out.relations.end();
}

TEST(PomXml, InterpolatesPropertiesIncludingNestedOnes) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* openai = out.Find("com.openai:openai-java");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "0.8.1");
  EXPECT_EQ(openai->purl, "pkg:maven/com.openai/openai-java@0.8.1");
  EXPECT_EQ(openai->ecosystem, "maven");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  const Component* dl4j = out.Find("org.deeplearning4j:deeplearning4j-core");
  ASSERT_NE(dl4j, nullptr);
  EXPECT_EQ(dl4j->version, "1.0.0-M2.1");
  // ${project.groupId} and ${project.version}, itself ${revision}.
  const Component* common = out.Find("com.example.ai:assistant-common");
  ASSERT_NE(common, nullptr);
  EXPECT_EQ(common->version, "1.4.0");
}

TEST(PomXml, PropertyCyclesStayUnresolved) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* looping = out.Find("org.example:looping");
  ASSERT_NE(looping, nullptr);
  EXPECT_EQ(looping->version, "");
  EXPECT_NE(looping->version_spec.find("${"), std::string::npos);
  EXPECT_EQ(looping->purl, "pkg:maven/org.example/looping");
}

TEST(PomXml, AppliesDependencyManagement) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* jackson = out.Find("com.fasterxml.jackson.core:jackson-databind");
  ASSERT_NE(jackson, nullptr);
  EXPECT_EQ(jackson->version, "2.17.2");
  EXPECT_EQ(jackson->properties.at("aisec:version-from"), "dependencyManagement");
  // The managed scope applies too.
  const Component* mockito = out.Find("org.mockito:mockito-core");
  ASSERT_NE(mockito, nullptr);
  EXPECT_EQ(mockito->version, "5.12.0");
  EXPECT_TRUE(mockito->dev);
  // Only the BOM (not read) could give this one a version.
  const Component* lc4j = out.Find("dev.langchain4j:langchain4j-open-ai");
  ASSERT_NE(lc4j, nullptr);
  EXPECT_EQ(lc4j->version, "");
}

TEST(PomXml, RecordsBomImports) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* bom = out.Find("dev.langchain4j:langchain4j-bom");
  ASSERT_NE(bom, nullptr);
  EXPECT_EQ(bom->version, "0.35.0");
  EXPECT_EQ(bom->properties.at("aisec:maven-scope"), "import");
  EXPECT_EQ(bom->properties.at("aisec:maven-type"), "pom");
  EXPECT_EQ(bom->evidence[0].location.line, 33u);
  // Plain managed entries are not components of their own.
  EXPECT_EQ(std::count_if(out.components.begin(), out.components.end(),
                          [](const Component& c) { return c.name == "org.mockito:mockito-core"; }),
            1);
}

TEST(PomXml, ScopesAndDevFlags) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* junit = out.Find("org.junit.jupiter:junit-jupiter");
  ASSERT_NE(junit, nullptr);
  EXPECT_TRUE(junit->dev);
  const Component* lombok = out.Find("org.projectlombok:lombok");
  ASSERT_NE(lombok, nullptr);
  EXPECT_FALSE(lombok->dev);
  EXPECT_EQ(lombok->properties.at("aisec:maven-scope"), "provided");
  EXPECT_EQ(lombok->properties.at("aisec:optional"), "true");
  const Component* guava = out.Find("com.google.guava:guava");
  ASSERT_NE(guava, nullptr);
  EXPECT_EQ(guava->version, "");
  EXPECT_EQ(guava->version_spec, "[32.0,34.0)");
  const Component* cuda = out.Find("org.nd4j:nd4j-cuda-12.3");
  ASSERT_NE(cuda, nullptr);
  EXPECT_EQ(cuda->properties.at("aisec:maven-profile"), "gpu");
}

TEST(PomXml, ProjectComponentAndRelations) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* app = out.Find("com.example.ai:assistant-worker");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->version, "1.4.0");
  EXPECT_EQ(app->evidence[0].location.line, 15u);
  EXPECT_TRUE(HasRelation(out, app->Key(), "pkg:maven/com.openai/openai-java@0.8.1"));
  EXPECT_TRUE(HasRelation(out, app->Key(), "pkg:maven/dev.langchain4j/langchain4j-bom@0.35.0"));
}

TEST(PomXml, EvidenceLinesAndLocatedWarnings) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "service/pom.xml");
  const Component* openai = out.Find("com.openai:openai-java");
  ASSERT_NE(openai, nullptr);
  ASSERT_EQ(openai->evidence.size(), 1u);
  EXPECT_EQ(openai->evidence[0].location.path, "service/pom.xml");
  EXPECT_EQ(openai->evidence[0].location.line, 55u);
  EXPECT_EQ(openai->evidence[0].method, EvidenceMethod::kManifest);
  EXPECT_NE(openai->evidence[0].snippet.find("openai-java"), std::string::npos);
  ASSERT_EQ(out.warnings.size(), 1u);  // the dependency without groupId
  EXPECT_EQ(out.warnings[0].location.line, 105u);
}

TEST(PomXml, InheritsGroupAndVersionFromParent) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "module/pom.xml");
  const Component* app = out.Find("com.example.ai:assistant-embeddings");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->version, "2.0.1");
  EXPECT_EQ(app->purl, "pkg:maven/com.example.ai/assistant-embeddings@2.0.1");
  const Component* djl = out.Find("ai.djl:api");
  ASSERT_NE(djl, nullptr);
  EXPECT_EQ(djl->version, "2.0.1");
}

TEST(PomXml, TruncatedFileGivesLocatedWarning) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "truncated_pom.xml");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.path, "truncated_pom.xml");
  EXPECT_GE(out.warnings[0].location.line, 45u);
}

TEST(PomXml, DeepNestingIsRefused) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "deep_nesting_pom.xml");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("nesting"), std::string::npos);
}

TEST(PomXml, InvalidUtf8IsReportedAndReadingGoesOn) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "invalid_utf8_pom.xml");
  EXPECT_NE(out.Find("com.openai:openai-java"), nullptr);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 4u);
}

TEST(PomXml, EntitiesAreNeverExpanded) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven"), "billion_laughs_pom.xml");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 3u);
  for (const auto& c : out.components) {
    EXPECT_LT(c.name.size(), 200u) << c.name.substr(0, 80);
    EXPECT_LT(c.version.size() + c.version_spec.size(), 5000u);
    EXPECT_EQ(c.version.find("root:"), std::string::npos);  // no file was read into it
  }
  const Component* doubling = out.Find("org.example:doubling");
  ASSERT_NE(doubling, nullptr);
  EXPECT_EQ(doubling->version, "");  // the expansion was cut, not completed
}

TEST(PomXml, HugeFileIsCappedWithAWarning) {
  testing::TempDir dir;
  std::string pom = "<project><groupId>g</groupId><artifactId>a</artifactId><dependencies>\n";
  for (int i = 0; i < 25000; ++i) {
    pom += "<dependency><groupId>g</groupId><artifactId>a" + std::to_string(i) +
           "</artifactId><version>1</version></dependency>\n";
  }
  pom += "</dependencies></project>\n";
  dir.Write("pom.xml", pom);
  auto out = RunCataloger(maven::PomXml, dir.path(), "pom.xml");
  EXPECT_EQ(out.components.size(), 20001u);  // the project and the first 20000
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 20002u);
}

TEST(PomXml, ScanFindsPomsThroughTheRegistry) {
  auto r =
      testing::RunAisec({"scan", Fixture("catalog/maven/service").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& c : doc["components"]) found = found || c["name"] == "com.openai:openai-java";
  EXPECT_TRUE(found);
  ASSERT_EQ(doc["warnings"].size(), 1u);
  EXPECT_EQ(doc["warnings"][0]["line"], 105);
}

// Issue 5: every <licenses><license><name> of the project.
TEST(PomXml, ProjectLicences) {
  auto out = RunCataloger(maven::PomXml, Fixture("catalog/maven/licenses"), "pom.xml");
  const Component* app = out.Find("com.acme:agent");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->licenses, (std::vector<std::string>{"The Apache Software License, Version 2.0",
                                                     "GNU Affero General Public License v3"}));
}

}  // namespace
}  // namespace aisec::catalog
