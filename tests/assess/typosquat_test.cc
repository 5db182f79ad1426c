// Typosquat suspects against the popular names of the AI catalogue.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "aisec/aisec.h"
#include "assess/typosquat.h"
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

// Issue 5 audit: the words of a popular name written without separators, reordered.
TEST(Typosquat, ReorderedWordsOfANameWithoutSeparators) {
  auto m = assess::MatchTyposquat("pypi", "chain-lang");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->imitates, "langchain");
  EXPECT_EQ(m->technique, "word-reorder");
  m = assess::MatchTyposquat("pypi", "hub-huggingface");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->technique, "word-reorder");
  m = assess::MatchTyposquat("pypi", "hub-face-hugging");  // three parts
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->imitates, "huggingface-hub");
  EXPECT_FALSE(assess::MatchTyposquat("pypi", "chain-lang-x-y-z").has_value());  // more than 4 parts
  EXPECT_FALSE(assess::MatchTyposquat("pypi", "chain-language").has_value());
}

TEST(Typosquat, AuditFixtureOfSuspects) {
  auto r = Scan({.root = testing::Fixture("assess/typosquat/audit_squats"), .db_path = ""});
  ASSERT_TRUE(r.ok());
  std::map<std::string, std::pair<std::string, std::string>> s;
  for (const auto& f : r->findings) {
    if (f.rule_id == "AISEC-TYPOSQUAT") s[f.component_ref] = {f.properties.at("imitates"), f.properties.at("technique")};
  }
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(s["pkg:pypi/chain-lang"], P("langchain", "word-reorder"));
  EXPECT_EQ(s["pkg:pypi/hub-huggingface"], P("huggingface-hub", "word-reorder"));
  EXPECT_EQ(s["pkg:pypi/index-llama"], P("llama-index", "word-reorder"));
  EXPECT_EQ(s["pkg:pypi/iangchain"], P("langchain", "confusable"));
  EXPECT_EQ(s["pkg:pypi/anthrop1c"], P("anthropic", "confusable"));
  EXPECT_EQ(s["pkg:pypi/anthroplc"], P("anthropic", "confusable"));
  EXPECT_EQ(s["pkg:pypi/transfomers"], P("transformers", "one-edit"));
  EXPECT_EQ(s["pkg:npm/0penai@4.0.0"], P("openai", "confusable"));
  EXPECT_EQ(s["pkg:npm/openia@4.0.0"], P("openai", "transposition"));
  EXPECT_EQ(s.count("pkg:pypi/langchain-openai"), 0u);
  EXPECT_EQ(s.count("pkg:pypi/llama-index-core"), 0u);
}

// Each label, most specific first: a separator change is never reported as a generic edit.
TEST(Typosquat, TechniqueLabels) {
  using assess::TyposquatTechnique;
  EXPECT_EQ(TyposquatTechnique("open-ai", "openai"), "separator-swap");          // inserted
  EXPECT_EQ(TyposquatTechnique("hugging-face-hub", "huggingface-hub"), "separator-swap");
  EXPECT_EQ(TyposquatTechnique("huggingfacehub", "huggingface-hub"), "separator-swap");  // deleted
  EXPECT_EQ(TyposquatTechnique("huggingface.hub", "huggingface-hub"), "separator-swap");  // swapped
  EXPECT_EQ(TyposquatTechnique("0penai", "openai"), "confusable");
  EXPECT_EQ(TyposquatTechnique("opena1", "openai"), "confusable");
  EXPECT_EQ(TyposquatTechnique("rnistralai", "mistralai"), "confusable");
  EXPECT_EQ(TyposquatTechnique("lang-cha1n", "langchain"), "confusable");
  EXPECT_EQ(TyposquatTechnique("chain-lang", "langchain"), "word-reorder");
  EXPECT_EQ(TyposquatTechnique("openai-langchain", "langchain-openai"), "word-reorder");
  EXPECT_EQ(TyposquatTechnique("trnasformers", "transformers"), "transposition");
  EXPECT_EQ(TyposquatTechnique("transfomers", "transformers"), "one-edit");   // deletion
  EXPECT_EQ(TyposquatTechnique("transformerss", "transformers"), "one-edit");  // insertion
  EXPECT_EQ(TyposquatTechnique("transfarmers", "transformers"), "one-edit");  // substitution
  EXPECT_EQ(TyposquatTechnique("openai", "openai"), "");
  EXPECT_EQ(TyposquatTechnique("tranzfarmers", "transformers"), "");
  EXPECT_EQ(TyposquatTechnique("ai", "a1"), "confusable");
  EXPECT_EQ(TyposquatTechnique("aj", "ai"), "");  // too short for an edit
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

// Issue 5 audit: wand (ImageMagick) and tokenizer were reported as wandb and tokenizers.
TEST(Typosquat, AuditFixtureOfLegitimatePackages) {
  auto r = Scan({.root = testing::Fixture("assess/typosquat/audit_legitimate"), .db_path = ""});
  ASSERT_TRUE(r.ok());
  std::set<std::string> flagged;
  for (const auto& f : r->findings) {
    if (f.rule_id == "AISEC-TYPOSQUAT") flagged.insert(f.component_ref);
  }
  for (const char* ok : {"pkg:pypi/wand@0.6", "pkg:pypi/tokenizer@3.4", "pkg:pypi/tensorboardx@2.6",
                         "pkg:pypi/keras-nlp", "pkg:pypi/openai-whisper", "pkg:pypi/ray"}) {
    EXPECT_EQ(flagged.count(ok), 0u) << ok;
  }
  EXPECT_EQ(flagged.count("pkg:pypi/mlflow2"), 1u);
}

TEST(Typosquat, NoLegitimateEntryIsFlagged) {
  auto doc = ParseYaml(*DataFile("typosquat/legitimate.yaml"), "legitimate.yaml");
  ASSERT_TRUE(doc.ok());
  size_t n = 0;
  for (const auto& p : (*doc)["packages"]) {
    std::string eco = p["ecosystem"].as<std::string>(), name = p["name"].as<std::string>();
    EXPECT_FALSE(assess::MatchTyposquat(eco, name).has_value()) << eco << "/" << name;
    ++n;
  }
  EXPECT_GE(n, 18u);
}

TEST(Typosquat, CataloguedNamesAreNeverFlagged) {
  for (const auto& p : catalog::AiCatalog::Default().packages()) {
    EXPECT_FALSE(assess::MatchTyposquat(p.ecosystem, p.name).has_value()) << p.ecosystem << "/" << p.name;
  }
  EXPECT_FALSE(assess::MatchTyposquat("pypi", "huggingface_hub").has_value());
  EXPECT_FALSE(assess::MatchTyposquat("npm", "@LangChain/Core").has_value());
}

// Malicious uploads recorded in OSV (MAL-2026-16133..16136) are caught by name alone too.
TEST(Typosquat, KnownMaliciousSquatsAreFlagged) {
  for (auto [name, target] : std::vector<std::pair<std::string, std::string>>{
           {"langgrap", "langgraph"}, {"ollamaa", "ollama"}, {"openaii", "openai"}, {"transfomers", "transformers"}}) {
    auto m = assess::MatchTyposquat("pypi", name);
    ASSERT_TRUE(m.has_value()) << name;
    EXPECT_EQ(m->imitates, target);
  }
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

namespace aisec {
namespace {

// The input of data/typosquat/near_names.py: names per known ecosystem, none twice.
TEST(Typosquat, WellKnownPackageListIsValidData) {
  auto text = DataFile("typosquat/well-known-packages.yaml");
  ASSERT_TRUE(text.has_value());
  auto doc = ParseYaml(*text, "well-known-packages.yaml");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["version"].as<int>(), 1);
  size_t total = 0;
  for (const auto& eco : (*doc)["packages"]) {
    std::string type = eco.first.as<std::string>();
    EXPECT_TRUE(catalog::IsKnownEcosystem(type)) << type;
    std::set<std::string> seen;
    for (const auto& n : eco.second) {
      std::string name = n.as<std::string>();
      EXPECT_FALSE(name.empty());
      EXPECT_TRUE(seen.insert(NormalizePackageName(type, name)).second) << type << "/" << name;
    }
    total += seen.size();
  }
  EXPECT_GE(total, 1000u);
}

}  // namespace
}  // namespace aisec
