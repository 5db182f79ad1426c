#include <gtest/gtest.h>

#include <regex>
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

const json* FindByName(const json& list, const std::string& name) {
  for (const auto& c : list) {
    if (c.value("name", "") == name) return &c;
  }
  return nullptr;
}

std::string PropertyValue(const json& c, const std::string& name) {
  for (const auto& p : c.value("properties", json::array())) {
    if (p["name"] == name) return p["value"];
  }
  return "";
}

class CycloneDxSample : public testing::RenderedSample<RenderCycloneDx> {
 protected:
  const json& Component(const std::string& name) {
    const json* c = FindByName(doc_["components"], name);
    EXPECT_NE(c, nullptr) << name;
    static const json kNull;
    return c ? *c : kNull;
  }
};

TEST_F(CycloneDxSample, ValidatesAgainstTheOfficialSchema) {
  EXPECT_EQ(SchemaErrors("cyclonedx", text_), "");
  EXPECT_TRUE(IsValidUtf8(text_));
  EXPECT_EQ(doc_["bomFormat"], "CycloneDX");
  EXPECT_EQ(doc_["specVersion"], "1.6");
  EXPECT_TRUE(std::regex_match(doc_["serialNumber"].get<std::string>(),
                               std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_EQ(doc_["metadata"]["timestamp"], "2025-01-02T03:04:09Z");
  EXPECT_EQ(doc_["metadata"]["tools"]["components"][0]["version"], "0.1.0-test");
  EXPECT_EQ(doc_["metadata"]["component"]["name"], "bot-repo");
  EXPECT_EQ(doc_["metadata"]["component"]["type"], "application");
}

TEST_F(CycloneDxSample, EveryReferenceIsUniqueAndEveryDependencyExists) {
  std::set<std::string> refs = {doc_["metadata"]["component"]["bom-ref"]};
  for (const auto& c : doc_["components"]) EXPECT_TRUE(refs.insert(c["bom-ref"]).second) << c["bom-ref"];
  for (const auto& s : doc_["services"]) EXPECT_TRUE(refs.insert(s["bom-ref"]).second) << s["bom-ref"];
  for (const auto& v : doc_["vulnerabilities"]) EXPECT_TRUE(refs.insert(v["bom-ref"]).second);
  // Every component and service has exactly one dependency entry, and every ref in the graph exists.
  std::set<std::string> listed;
  for (const auto& d : doc_["dependencies"]) {
    EXPECT_TRUE(refs.count(d["ref"])) << d["ref"];
    EXPECT_TRUE(listed.insert(d["ref"]).second) << d["ref"];
    for (const auto& to : d.value("dependsOn", json::array())) EXPECT_TRUE(refs.count(to)) << to;
    for (const auto& to : d.value("provides", json::array())) EXPECT_TRUE(refs.count(to)) << to;
  }
  EXPECT_EQ(listed.size(), doc_["components"].size() + doc_["services"].size() + 1);
  for (const auto& v : doc_["vulnerabilities"]) {
    for (const auto& a : v["affects"]) EXPECT_TRUE(refs.count(a["ref"])) << a["ref"];
  }
  for (const auto& c : doc_["components"]) {
    for (const auto& d : c.value("modelCard", json::object()).value("modelParameters", json::object())
                             .value("datasets", json::array())) {
      if (d.contains("ref")) {
        EXPECT_TRUE(refs.count(d["ref"])) << d["ref"];
      }
    }
  }
}

TEST_F(CycloneDxSample, LibrariesCarryPurlScopeGroupAndHashes) {
  const json& openai = Component("openai");
  EXPECT_EQ(openai["bom-ref"], "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(openai["purl"], "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(openai["version"], "1.54.3");
  EXPECT_EQ(openai["scope"], "required");
  json sha = {{"alg", "SHA-256"}, {"content", testing::kSha256}};
  EXPECT_EQ(openai["hashes"], json::array({sha}));
  EXPECT_EQ(PropertyValue(openai, "aisec:hash:md5"), "not-hex");  // not a digest: kept as a property
  EXPECT_EQ(PropertyValue(openai, "aisec:ai:category"), "llm-sdk");
  EXPECT_EQ(PropertyValue(openai, "aisec:ai:provider"), "OpenAI");
  EXPECT_EQ(openai["licenses"], json::parse(R"([{"license":{"id":"Apache-2.0"}}])"));

  const json* npm = nullptr;
  for (const auto& c : doc_["components"]) {
    if (c.value("group", "") == "@ai-sdk") npm = &c;
  }
  ASSERT_NE(npm, nullptr) << "npm scope becomes the group";
  EXPECT_EQ((*npm)["name"], "openai");
  EXPECT_EQ((*npm)["scope"], "excluded");  // dev dependency
  EXPECT_EQ((*npm)["licenses"], json::parse(R"j([{"expression":"Apache-2.0 AND (MIT OR ISC)"}])j"));

  const json& spring = Component("spring-ai-openai");
  EXPECT_EQ(spring["group"], "org.springframework.ai");
  EXPECT_FALSE(spring.contains("version"));
  EXPECT_EQ(PropertyValue(spring, "aisec:version-spec"), "[1.0,2.0)");
  EXPECT_EQ(spring["licenses"], json::parse(R"([{"license":{"name":"Some Custom License, v2"}}])"));

  const json& go = Component("github.com/sashabaranov/go-openai");  // Go module paths stay whole
  EXPECT_FALSE(go.contains("group"));
}

TEST_F(CycloneDxSample, EvidenceHasOccurrencesAndIdentityMethods) {
  const json& openai = Component("openai");
  const json& occ = openai["evidence"]["occurrences"];
  ASSERT_EQ(occ.size(), 2u);
  EXPECT_EQ(occ[0]["location"], "requirements.txt");
  EXPECT_EQ(occ[0]["line"], 3);
  const json& id = openai["evidence"]["identity"][0];
  EXPECT_EQ(id["field"], "purl");
  std::set<std::string> techniques;
  for (const auto& m : id["methods"]) techniques.insert(m["technique"]);
  EXPECT_EQ(techniques, (std::set<std::string>{"manifest-analysis", "source-code-analysis"}));

  const json& llama = Component("meta-llama/Llama-3.1-8B-Instruct");
  EXPECT_EQ(llama["evidence"]["occurrences"][0]["offset"], 311);
  EXPECT_EQ(llama["evidence"]["occurrences"][0]["symbol"], "AutoModelForCausalLM.from_pretrained");
  EXPECT_DOUBLE_EQ(llama["evidence"]["identity"][0]["confidence"].get<double>(), 0.9);
  EXPECT_EQ(Component("models/classifier.pkl")["evidence"]["identity"][0]["methods"][0]["technique"],
            "binary-analysis");
}

TEST_F(CycloneDxSample, ModelsHaveModelCardsAndDatasetsAreData) {
  const json& llama = Component("meta-llama/Llama-3.1-8B-Instruct");
  EXPECT_EQ(llama["type"], "machine-learning-model");
  const json& p = llama["modelCard"]["modelParameters"];
  EXPECT_EQ(p["approach"]["type"], "self-supervised");
  EXPECT_EQ(p["task"], "text-generation");
  EXPECT_EQ(p["architectureFamily"], "llama");
  EXPECT_EQ(p["modelArchitecture"], "LlamaForCausalLM");
  ASSERT_EQ(p["datasets"].size(), 2u);
  EXPECT_EQ(p["datasets"][0]["ref"], Component("wikitext")["bom-ref"]);
  EXPECT_EQ(p["datasets"][1]["name"], "private-corpus");  // not in the inventory: inline
  EXPECT_EQ(p["inputs"][0]["format"], "text");
  EXPECT_EQ(llama["modelCard"]["considerations"]["useCases"], json({"chat", "summarisation"}));
  EXPECT_EQ(llama["licenses"], json::parse(R"([{"expression":"LicenseRef-llama3.1"}])"));
  EXPECT_EQ(llama["supplier"]["name"], "Meta");

  const json& data = Component("wikitext");
  EXPECT_EQ(data["type"], "data");
  EXPECT_EQ(data["data"][0]["type"], "dataset");
  EXPECT_EQ(data["data"][0]["classification"], "public");
  EXPECT_EQ(data["data"][0]["contents"]["url"], "https://huggingface.co/datasets/wikitext");
}

TEST_F(CycloneDxSample, ServicesAreServicesWithEndpointsAndTrustBoundary) {
  EXPECT_EQ(FindByName(doc_["components"], "OpenAI API"), nullptr);
  const json* api = FindByName(doc_["services"], "OpenAI API");
  ASSERT_NE(api, nullptr);
  EXPECT_EQ((*api)["endpoints"], json({"https://api.openai.com/v1"}));
  EXPECT_EQ((*api)["provider"]["name"], "OpenAI");
  EXPECT_EQ((*api)["authenticated"], true);
  EXPECT_EQ((*api)["x-trust-boundary"], true);
  const json* ollama = FindByName(doc_["services"], "Ollama");
  ASSERT_NE(ollama, nullptr);
  EXPECT_EQ((*ollama)["x-trust-boundary"], false);  // loopback only
}

TEST_F(CycloneDxSample, GraphKeepsKnownEdgesAndHangsEverythingFromTheRoot) {
  std::map<std::string, json> deps;
  for (const auto& d : doc_["dependencies"]) deps[d["ref"]] = d;
  const json& app = deps["application:support-bot"];
  EXPECT_EQ(app["dependsOn"].size(), 4u);  // the edge to pkg:pypi/ghost is dropped
  const json& root = deps["aisec:root"];
  std::set<std::string> tops = root["dependsOn"];
  EXPECT_TRUE(tops.count("application:support-bot"));
  EXPECT_FALSE(tops.count("pkg:pypi/openai@1.54.3"));  // reached through the application
  // The agent/tool cycle has no way in: one of them hangs from the root.
  EXPECT_TRUE(tops.count("agent:support-agent"));
  EXPECT_EQ(deps["tool:python-repl"]["provides"], json({"agent:support-agent"}));
}

TEST_F(CycloneDxSample, KnownVulnerabilitiesAffectEveryComponentTheyWereFoundOn) {
  ASSERT_EQ(doc_["vulnerabilities"].size(), 1u);  // the pickle and shadow-AI findings are not vulnerabilities
  const json& v = doc_["vulnerabilities"][0];
  EXPECT_EQ(v["id"], "GHSA-aaaa-bbbb-cccc");
  EXPECT_EQ(v["source"]["name"], "OSV");
  EXPECT_EQ(v["references"].size(), 1u);
  EXPECT_EQ(v["references"][0]["id"], "CVE-2024-12345");
  EXPECT_EQ(v["ratings"][0]["severity"], "high");
  EXPECT_DOUBLE_EQ(v["ratings"][0]["score"].get<double>(), 8.1);
  EXPECT_EQ(v["ratings"][0]["method"], "CVSSv31");
  EXPECT_EQ(v["cwes"], json({918}));
  EXPECT_EQ(v["advisories"].size(), 1u);
  EXPECT_EQ(v["published"], "2024-05-01T10:00:00Z");
  ASSERT_EQ(v["affects"].size(), 2u);
  EXPECT_EQ(v["affects"][0]["ref"], "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(v["affects"][0]["versions"][0]["version"], "1.54.3");
}

TEST_F(CycloneDxSample, InvalidUtf8BecomesReplacementCharactersWithDistinctReferences) {
  std::set<std::string> bad_refs;
  for (const auto& c : doc_["components"]) {
    std::string ref = c["bom-ref"];
    if (ref.starts_with("library:bad")) bad_refs.insert(ref);
  }
  EXPECT_EQ(bad_refs.size(), 2u);
  EXPECT_NE(text_.find("café-ml"), std::string::npos);
  EXPECT_NE(text_.find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

TEST(CycloneDx, SameResultGivesTheSameDocument) {
  EXPECT_EQ(RenderCycloneDx(SampleResult(), {}), RenderCycloneDx(SampleResult(), {}));
  ScanResult later = SampleResult();
  later.finished_at = "2025-01-03T00:00:00Z";
  EXPECT_NE(Parse(RenderCycloneDx(later, {}))["serialNumber"],
            Parse(RenderCycloneDx(SampleResult(), {}))["serialNumber"]);
}

TEST(CycloneDx, EmptyResultIsAValidDocument) {
  std::string text = RenderCycloneDx(ScanResult{}, {});
  EXPECT_EQ(SchemaErrors("cyclonedx", text), "");
  json doc = Parse(text);
  EXPECT_TRUE(doc["components"].empty());
  EXPECT_FALSE(doc.contains("services"));
  EXPECT_FALSE(doc.contains("vulnerabilities"));
  EXPECT_FALSE(doc["metadata"].contains("timestamp"));
  EXPECT_EQ(doc["dependencies"].size(), 1u);
}

TEST(CycloneDx, RepeatedKeysGetDistinctReferences) {
  ScanResult r;
  r.components.push_back(testing::Lib("pypi", "torch", "2.3.1", "pkg:pypi/torch@2.3.1"));
  r.components.push_back(testing::Lib("pypi", "torch", "2.3.1", "pkg:pypi/torch@2.3.1"));
  std::string text = RenderCycloneDx(r, {});
  EXPECT_EQ(SchemaErrors("cyclonedx", text), "");
  json doc = Parse(text);
  EXPECT_EQ(doc["components"][0]["bom-ref"], "pkg:pypi/torch@2.3.1");
  EXPECT_EQ(doc["components"][1]["bom-ref"], "pkg:pypi/torch@2.3.1#2");
}

TEST(CycloneDx, ABrokenDocumentFailsValidation) {
  // The validator must be able to say no, or every test above proves nothing.
  json doc = Parse(RenderCycloneDx(SampleResult(), {}));
  doc["components"][0]["type"] = "not-a-type";
  EXPECT_NE(SchemaErrors("cyclonedx", doc.dump()), "");
}

}  // namespace
}  // namespace aisec::report
