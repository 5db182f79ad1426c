#include <gtest/gtest.h>

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

class SarifSample : public testing::RenderedSample<RenderSarif> {
 protected:
  void SetUp() override {
    RenderedSample::SetUp();
    if (HasFatalFailure()) return;
    run_ = doc_["runs"][0];
  }
  const json& Rule(const std::string& id) {
    for (const auto& r : run_["tool"]["driver"]["rules"]) {
      if (r["id"] == id) return r;
    }
    ADD_FAILURE() << "no rule " << id;
    static const json kNull;
    return kNull;
  }
  json run_;
};

TEST_F(SarifSample, ValidatesAgainstTheOfficialSchema) {
  EXPECT_EQ(SchemaErrors("sarif", text_), "");
  EXPECT_TRUE(IsValidUtf8(text_));
  EXPECT_EQ(doc_["version"], "2.1.0");
  EXPECT_EQ(run_["tool"]["driver"]["name"], "aisec");
  EXPECT_EQ(run_["tool"]["driver"]["version"], "0.1.0-test");
  EXPECT_EQ(run_["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///srv/checkouts/bot-repo/");
}

TEST_F(SarifSample, OneRulePerRuleIdWithTagsAndSecuritySeverity) {
  const json& rules = run_["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 4u);
  std::set<std::string> ids;
  for (const auto& r : rules) EXPECT_TRUE(ids.insert(r["id"]).second);
  const json& pickle = Rule("AISEC-PICKLE-GLOBAL");
  EXPECT_EQ(pickle["shortDescription"]["text"], "Pickle imports os.system");
  EXPECT_EQ(pickle["help"]["text"], "Re-save the model as safetensors.");
  EXPECT_EQ(pickle["defaultConfiguration"]["level"], "error");
  std::set<std::string> tags = pickle["properties"]["tags"];
  EXPECT_EQ(tags, (std::set<std::string>{"security", "external/cwe/cwe-502", "owasp_llm_2025/LLM03"}));
  EXPECT_EQ(pickle["properties"]["security-severity"], "9.5");
  EXPECT_EQ(Rule("AISEC-VULN")["properties"]["security-severity"], "8.1");  // the CVSS score
  // Two findings with different titles: the rule falls back to its id.
  EXPECT_EQ(Rule("AISEC-SHADOW-AI")["shortDescription"]["text"], "AISEC-SHADOW-AI");
  EXPECT_EQ(Rule("AISEC-SHADOW-AI")["defaultConfiguration"]["level"], "warning");
}

TEST_F(SarifSample, ResultsHaveLevelsLocationsAndFingerprints) {
  const json& results = run_["results"];
  ASSERT_EQ(results.size(), 6u);
  const json& rules = run_["tool"]["driver"]["rules"];
  for (const auto& res : results) EXPECT_EQ(rules[res["ruleIndex"].get<size_t>()]["id"], res["ruleId"]);

  const json& vuln = results[0];
  EXPECT_EQ(vuln["level"], "error");
  const json& loc = vuln["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "requirements.txt");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
  EXPECT_EQ(loc["region"]["startLine"], 3);
  EXPECT_FALSE(vuln["partialFingerprints"]["aisecFingerprint/v1"].get<std::string>().empty());
  EXPECT_EQ(vuln["properties"]["aisec:vuln:id"], "GHSA-aaaa-bbbb-cccc");

  const json& pickle = results[2];
  EXPECT_EQ(pickle["level"], "error");
  const json& region = pickle["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["byteOffset"], 42);
  EXPECT_FALSE(region.contains("startLine"));  // line unknown in a binary file

  EXPECT_EQ(results[3]["level"], "warning");
  EXPECT_FALSE(results[3].contains("locations"));  // nothing to point at
  EXPECT_EQ(results[4]["level"], "note");
  // No evidence of its own: located where its component was seen.
  EXPECT_EQ(results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], ".env");

  const json& odd = results[5];
  EXPECT_EQ(odd["level"], "note");
  EXPECT_EQ(odd["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "dir%FF/requirements.txt");
  EXPECT_EQ(odd["locations"][0]["physicalLocation"]["region"]["startColumn"], 3);
  EXPECT_EQ(odd["message"]["text"], "Ünïcödé title 🚀");
}

TEST_F(SarifSample, WarningsAreToolExecutionNotifications) {
  const json& inv = run_["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], true);
  EXPECT_EQ(inv["exitCode"], 1);
  EXPECT_EQ(inv["startTimeUtc"], "2025-01-02T03:04:05Z");
  const json& notes = inv["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["level"], "warning");
  EXPECT_EQ(notes[0]["message"]["text"], "cannot parse requirement");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 11);
  EXPECT_EQ(notes[0]["descriptor"]["id"], "python/requirements");
  EXPECT_FALSE(notes[1].contains("locations"));
}

TEST(Sarif, EmptyResultIsAValidLog) {
  std::string text = RenderSarif(ScanResult{}, {});
  EXPECT_EQ(SchemaErrors("sarif", text), "");
  json doc = Parse(text);
  EXPECT_TRUE(doc["runs"][0]["results"].empty());
  EXPECT_FALSE(doc["runs"][0].contains("originalUriBaseIds"));
}

TEST(Sarif, PathsAreRelativeUriReferences) {
  ScanResult r;
  r.root = "/tmp/a b";
  Finding f;
  f.rule_id = "R";
  f.evidence.push_back(testing::Ev("src/my file#1?.py", 4, EvidenceMethod::kCall));
  r.findings.push_back(f);
  std::string text = RenderSarif(r, {});
  EXPECT_EQ(SchemaErrors("sarif", text), "");
  json run = Parse(text)["runs"][0];
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "src/my%20file%231%3F.py");
  EXPECT_EQ(run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///tmp/a%20b/");
}

TEST(Sarif, ABrokenLogFailsValidation) {
  json doc = Parse(RenderSarif(SampleResult(), {}));
  doc["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_NE(SchemaErrors("sarif", doc.dump()), "");
}

}  // namespace
}  // namespace aisec::report
