#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/strings.h"
#include "report/formats.h"
#include "report/sample_result.h"
#include "test_util.h"

namespace aisec::report {
namespace {

using nlohmann::json;
using testing::Parse;
using testing::SampleResult;
using testing::SchemaErrors;

class SpdxSample : public testing::RenderedSample<RenderSpdx> {
 protected:
  void SetUp() override {
    RenderedSample::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& e : doc_["@graph"]) {
      if (e.contains("spdxId")) by_id_[e["spdxId"]] = e;
    }
  }
  // The element named `name` (first match).
  const json& Named(const std::string& name) {
    for (const auto& e : doc_["@graph"]) {
      if (e.value("name", "") == name) return e;
    }
    ADD_FAILURE() << "no element named " << name;
    static const json kNull;
    return kNull;
  }
  std::vector<json> Relationships(const std::string& from, const std::string& type) {
    std::vector<json> out;
    for (const auto& e : doc_["@graph"]) {
      if (e["type"] == "Relationship" && e["from"] == from && e["relationshipType"] == type) out.push_back(e);
    }
    return out;
  }
  std::map<std::string, json> by_id_;
};

TEST_F(SpdxSample, ValidatesAgainstTheOfficialSchema) {
  EXPECT_EQ(SchemaErrors("spdx3", text_), "");
  EXPECT_TRUE(IsValidUtf8(text_));
  EXPECT_EQ(doc_["@context"], "https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
  const json& info = doc_["@graph"][0];
  EXPECT_EQ(info["type"], "CreationInfo");
  EXPECT_EQ(info["specVersion"], "3.0.1");
  EXPECT_EQ(info["created"], "2025-01-02T03:04:09Z");
  EXPECT_EQ(by_id_.at(info["createdBy"][0])["type"], "Organization");
  EXPECT_EQ(by_id_.at(info["createdUsing"][0])["name"], "aisec 0.1.0-test");
}

TEST_F(SpdxSample, EveryReferenceNamesAnElementOfTheDocument) {
  std::set<std::string> ids;
  for (const auto& e : doc_["@graph"]) {
    if (e.contains("spdxId")) {
      EXPECT_TRUE(ids.insert(e["spdxId"]).second) << e["spdxId"];
    }
  }
  const json* document = nullptr;
  for (const auto& e : doc_["@graph"]) {
    if (e["type"] == "SpdxDocument") document = &e;
    if (e["type"] == "Relationship") {
      EXPECT_TRUE(ids.count(e["from"])) << e;
      for (const auto& to : e["to"]) EXPECT_TRUE(ids.count(to)) << e;
    }
    if (e.contains("suppliedBy")) {
      EXPECT_TRUE(ids.count(e["suppliedBy"]));
    }
  }
  ASSERT_NE(document, nullptr);
  std::set<std::string> listed = (*document)["element"];
  listed.insert((*document)["spdxId"].get<std::string>());
  EXPECT_EQ(listed, ids);  // the document lists every element but itself
  const json& sbom = by_id_.at((*document)["rootElement"][0]);
  EXPECT_EQ(sbom["type"], "software_Sbom");
  EXPECT_EQ(by_id_.at(sbom["rootElement"][0])["name"], "bot-repo");
}

TEST_F(SpdxSample, LibrariesArePackagesWithPurlAndHash) {
  const json& openai = Named("openai");
  EXPECT_EQ(openai["type"], "software_Package");
  EXPECT_EQ(openai["software_packageVersion"], "1.54.3");
  EXPECT_EQ(openai["software_packageUrl"], "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(openai["externalIdentifier"][0]["externalIdentifierType"], "packageUrl");
  EXPECT_EQ(openai["externalIdentifier"][0]["identifier"], "pkg:pypi/openai@1.54.3");
  ASSERT_EQ(openai["verifiedUsing"].size(), 1u);  // the md5 entry is not a digest
  EXPECT_EQ(openai["verifiedUsing"][0]["algorithm"], "sha256");
  EXPECT_EQ(openai["software_primaryPurpose"], "library");
  EXPECT_EQ(by_id_.at(openai["suppliedBy"])["name"], "OpenAI");
  auto licensed = Relationships(openai["spdxId"], "hasDeclaredLicense");
  ASSERT_EQ(licensed.size(), 1u);
  EXPECT_EQ(by_id_.at(licensed[0]["to"][0])["simplelicensing_licenseExpression"], "Apache-2.0");
  bool has_ai_category = false;
  for (const auto& p : openai["extension"][0]["extension_cdxProperty"]) {
    if (p["extension_cdxPropName"] == "aisec:ai:category") has_ai_category = p["extension_cdxPropValue"] == "llm-sdk";
  }
  EXPECT_TRUE(has_ai_category);
}

TEST_F(SpdxSample, ModelsUseTheAiProfileAndDatasetsTheDatasetProfile) {
  const json& llama = Named("meta-llama/Llama-3.1-8B-Instruct");
  EXPECT_EQ(llama["type"], "ai_AIPackage");
  EXPECT_EQ(llama["software_primaryPurpose"], "model");
  EXPECT_EQ(llama["ai_typeOfModel"], json({"llama"}));
  EXPECT_EQ(llama["ai_domain"], json({"nlp"}));
  EXPECT_EQ(llama["ai_limitation"], "English first");
  const json& data = Named("wikitext");
  EXPECT_EQ(data["type"], "dataset_DatasetPackage");
  EXPECT_EQ(data["dataset_datasetType"], json({"text"}));
  auto trained = Relationships(llama["spdxId"], "trainedOn");
  ASSERT_EQ(trained.size(), 1u);
  EXPECT_EQ(trained[0]["to"], json({data["spdxId"]}));
  std::set<std::string> profiles;
  for (const auto& e : doc_["@graph"]) {
    if (e["type"] == "SpdxDocument") profiles = e["profileConformance"];
  }
  EXPECT_TRUE(profiles.count("ai"));
  EXPECT_TRUE(profiles.count("dataset"));
  EXPECT_TRUE(profiles.count("simpleLicensing"));
}

TEST_F(SpdxSample, RootDependsOnTopsAndContainsFilesFoundInTheTree) {
  std::string root = Named("bot-repo")["spdxId"];
  auto contains = Relationships(root, "contains");
  ASSERT_EQ(contains.size(), 1u);
  EXPECT_EQ(contains[0]["to"], json({Named("models/classifier.pkl")["spdxId"]}));
  auto depends = Relationships(root, "dependsOn");
  ASSERT_EQ(depends.size(), 1u);
  std::set<std::string> tops = depends[0]["to"];
  EXPECT_FALSE(tops.count(Named("openai")["spdxId"]));
  EXPECT_TRUE(tops.count(Named("support-bot")["spdxId"]));
  auto uses = Relationships(Named("support-bot")["spdxId"], "dependsOn");
  ASSERT_EQ(uses.size(), 3u);  // depends-on, then uses-model and calls-service saying so
  EXPECT_EQ(uses[0]["to"].size(), 2u);
  EXPECT_FALSE(uses[0].contains("comment"));
  EXPECT_EQ(uses[1]["comment"], "uses-model");
  EXPECT_EQ(uses[2]["comment"], "calls-service");
  const json& api = Named("OpenAI API");
  EXPECT_EQ(api["software_primaryPurpose"], "other");
  EXPECT_EQ(api["externalRef"][0]["locator"], json({"https://api.openai.com/v1"}));
}

TEST(Spdx, EmptyResultIsAValidDocument) {
  std::string text = RenderSpdx(ScanResult{}, {});
  EXPECT_EQ(SchemaErrors("spdx3", text), "");
}

TEST(Spdx, ABrokenDocumentFailsValidation) {
  json doc = Parse(RenderSpdx(SampleResult(), {}));
  for (auto& e : doc["@graph"]) {
    if (e["type"] == "dataset_DatasetPackage") e.erase("dataset_datasetType");  // required
  }
  EXPECT_NE(SchemaErrors("spdx3", doc.dump()), "");
}

}  // namespace
}  // namespace aisec::report
