// Typosquat suspects against the popular names of the AI catalogue.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "aisec/aisec.h"
#include "catalog/ai_catalog.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/purl.h"
#include "test_util.h"

namespace aisec {
namespace {

std::map<std::string, std::string> Suspects(const std::string& requirements) {
  testing::TempDir dir;
  dir.Write("app/requirements.txt", requirements);
  auto r = Scan({.root = dir / "app", .db_path = ""});
  EXPECT_TRUE(r.ok());
  std::map<std::string, std::string> out;
  for (const auto& f : r->findings) {
    if (f.rule_id != "AISEC-TYPOSQUAT") continue;
    EXPECT_EQ(f.severity, Severity::kHigh);
    out[f.component_ref] = f.properties.at("imitates");
  }
  return out;
}

TEST(Typosquat, OneEditFromAPopularName) {
  auto s = Suspects("openaii\ntransfomers\ntrnasformers\nlangchian\nanthropicc\ntorchh\n");
  EXPECT_EQ(s["pkg:pypi/openaii"], "openai");          // insertion
  EXPECT_EQ(s["pkg:pypi/transfomers"], "transformers");  // deletion
  EXPECT_EQ(s["pkg:pypi/trnasformers"], "transformers");  // transposition
  EXPECT_EQ(s["pkg:pypi/langchian"], "langchain");      // transposition
  EXPECT_EQ(s["pkg:pypi/anthropicc"], "anthropic");
  EXPECT_EQ(s["pkg:pypi/torchh"], "torch");
}

TEST(Typosquat, LookAlikesSeparatorsAndReorderedWords) {
  auto s = Suspects("0penai\nopena1\nlang-chain\nlangchain_\n");
  EXPECT_EQ(s["pkg:pypi/0penai"], "openai");
  EXPECT_EQ(s["pkg:pypi/opena1"], "openai");
  EXPECT_EQ(s["pkg:pypi/lang-chain"], "langchain");
}

TEST(Typosquat, ShortPopularNamesNeedMoreThanOneEdit) {
  testing::TempDir dir;
  dir.Write("web/package.json", "{}");  // npm "ai" is popular but two letters long
  auto s = Suspects("aj\nai\n");  // pypi: "ai" is not a popular pypi name either
  EXPECT_TRUE(s.empty());
}

TEST(Typosquat, LegitimatePackagesAreNotSuspects) {
  auto s = Suspects("openai==1.54.0\ntransformers\nlangchain\nrequests\nnumpy\nopenapi-core\n");
  EXPECT_TRUE(s.empty()) << s.begin()->first;
}

}  // namespace
}  // namespace aisec

namespace aisec {
namespace {

TEST(Typosquat, KnownLegitimateNearNamesAreNotSuspects) {
  // "ctransformers" is one insertion from "transformers" and "torchx" from "torch".
  auto s = Suspects("ctransformers\ntorchx\n");
  EXPECT_TRUE(s.empty());
}

TEST(Typosquat, LegitimateListIsValidData) {
  auto text = DataFile("typosquat/legitimate.yaml");
  ASSERT_TRUE(text.has_value());
  auto doc = ParseYaml(*text, "legitimate.yaml");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["version"].as<int>(), 1);
  std::set<std::string> seen;
  for (const auto& p : (*doc)["packages"]) {
    std::string eco = p["ecosystem"].as<std::string>();
    std::string name = p["name"].as<std::string>();
    EXPECT_TRUE(catalog::IsKnownEcosystem(eco)) << eco;
    EXPECT_FALSE(p["near"].as<std::string>().empty()) << name;
    EXPECT_TRUE(seen.insert(eco + "/" + NormalizePackageName(eco, name)).second) << name;
  }
  EXPECT_GE(seen.size(), 10u);
}

}  // namespace
}  // namespace aisec
