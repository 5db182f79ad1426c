#include "catalog/ai_catalog.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "core/data.h"
#include "core/parse.h"
#include "core/purl.h"

namespace aisec::catalog {
namespace {

const AiCatalog& Shipped() { return AiCatalog::Default(); }

// The spelling rules of each registry, written from their documentation. A name that breaks them
// cannot be a real package, so it is a typo in the catalogue.
bool ValidName(const std::string& ecosystem, const std::string& name) {
  static const std::map<std::string, std::regex> kRules = {
      // PEP 508 names.
      {"pypi", std::regex(R"(^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$)")},
      // Lower case, optional "@scope/"; no other slash.
      {"npm", std::regex(R"(^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$)")},
      // A module path: a first element with a dot (a host), then '/'-separated elements.
      {"golang", std::regex(R"(^[a-z0-9.-]+\.[a-z]+(/[A-Za-z0-9._~-]+)*$)")},
      {"cargo", std::regex(R"(^[A-Za-z][A-Za-z0-9_-]{0,63}$)")},
      // groupId:artifactId, exactly one ':'.
      {"maven", std::regex(R"(^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$)")},
      {"nuget", std::regex(R"(^[A-Za-z0-9_][A-Za-z0-9_.-]*$)")},
      {"gem", std::regex(R"(^[A-Za-z0-9][A-Za-z0-9_.-]*$)")},
      // vendor/name, lower case (Packagist's rule).
      {"composer", std::regex(R"(^[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$)")},
      {"conda", std::regex(R"(^[a-z0-9][a-z0-9._-]*$)")},
  };
  auto it = kRules.find(ecosystem);
  return it != kRules.end() && std::regex_match(name, it->second);
}

TEST(AiCatalog, ShipsAtLeast450Entries) { EXPECT_GE(Shipped().packages().size(), 450u); }

TEST(AiCatalog, EveryEcosystemIsAKnownPurlType) {
  std::set<std::string> seen;
  for (const auto& p : Shipped().packages()) {
    EXPECT_TRUE(IsKnownEcosystem(p.ecosystem)) << p.name << " " << p.ecosystem;
    seen.insert(p.ecosystem);
  }
  for (const char* e : {"pypi", "npm", "golang", "cargo", "maven", "nuget", "gem", "composer"}) {
    EXPECT_TRUE(seen.count(e)) << "no entry for " << e;
  }
}

TEST(AiCatalog, NoDuplicatesAfterNormalisation) {
  std::set<std::string> keys;
  for (const auto& p : Shipped().packages()) {
    std::string key = p.ecosystem + "/" + NormalizePackageName(p.ecosystem, p.name);
    EXPECT_TRUE(keys.insert(key).second) << "duplicate " << key;
  }
}

// Categories marked `packages: false` in categories.yaml are for detected services, models and
// datasets; every other category must have packages.
std::set<std::string> ComponentOnlyCategories() {
  std::set<std::string> out;
  auto doc = ParseYaml(*DataFile("catalog/categories.yaml"), "catalog/categories.yaml");
  EXPECT_TRUE(doc.ok());
  if (!doc.ok()) return out;
  for (const auto& c : (*doc)["categories"]) {
    if (c["packages"] && !c["packages"].as<bool>()) out.insert(c["id"].as<std::string>());
  }
  return out;
}

TEST(AiCatalog, EveryCategoryIsKnownAndUsed) {
  std::map<std::string, int> used;
  for (const auto& c : Shipped().categories()) used[c.id] = 0;
  for (const auto& p : Shipped().packages()) {
    auto it = used.find(p.category);
    ASSERT_NE(it, used.end()) << p.name << " has unknown category " << p.category;
    ++it->second;
  }
  const auto component_only = ComponentOnlyCategories();
  for (const auto& [id, n] : used) {
    if (component_only.count(id)) {
      EXPECT_EQ(n, 0) << id << " is marked packages: false but has packages";
    } else {
      EXPECT_GT(n, 0) << "category without entries: " << id;
    }
  }
}

// The code detector attributes an import to the package that lists it (default: the name, with
// '-' as '_' for Python and Rust). Two packages with one import name would both be reported as
// used, and the undeclared one as shadow AI.
TEST(AiCatalog, AnImportNameBelongsToOnePackagePerEcosystem) {
  std::map<std::string, std::string> owner;
  for (const auto& p : Shipped().packages()) {
    std::vector<std::string> names = p.imports;
    if (names.empty()) {
      std::string n = p.name;
      if (p.ecosystem == "pypi" || p.ecosystem == "cargo") std::replace(n.begin(), n.end(), '-', '_');
      names.push_back(n);
    }
    for (const auto& n : names) {
      auto [it, fresh] = owner.emplace(p.ecosystem + " " + n, p.name);
      EXPECT_TRUE(fresh) << p.ecosystem << " import " << n << ": " << it->second << " and " << p.name;
    }
  }
}

TEST(AiCatalog, HasAPopularListForTyposquatChecks) {
  int popular = 0;
  for (const auto& p : Shipped().packages()) popular += p.popular ? 1 : 0;
  EXPECT_GE(popular, 100);
  EXPECT_LE(popular, 250);  // a popular list of everything would flag every near name
}

TEST(AiCatalog, NamesFollowTheirRegistrysRules) {
  for (const auto& p : Shipped().packages()) {
    EXPECT_TRUE(ValidName(p.ecosystem, p.name)) << p.ecosystem << " name '" << p.name << "'";
    EXPECT_FALSE(p.provider.empty()) << p.name;
    for (const auto& i : p.imports) {
      EXPECT_FALSE(i.empty()) << p.name;
      EXPECT_EQ(i.find_first_of(" \t,"), std::string::npos) << p.name << " import '" << i << "'";
    }
  }
}

TEST(AiCatalog, MakePurlWorksForEveryEntry) {
  for (const auto& p : Shipped().packages()) {
    std::string purl = MakePurl(p.ecosystem, p.name, "1.0.0");
    auto parsed = Purl::Parse(purl);
    ASSERT_TRUE(parsed.ok()) << purl;
    EXPECT_EQ(parsed->type, p.ecosystem) << purl;
    EXPECT_EQ(parsed->version, "1.0.0") << purl;
    EXPECT_EQ(parsed->ToString(), purl);
    // The namespace and name put back together give the (normalised) package name.
    std::string sep = p.ecosystem == "maven" ? ":" : "/";
    std::string joined = parsed->ns.empty() ? parsed->name : parsed->ns + sep + parsed->name;
    EXPECT_EQ(joined, NormalizePackageName(p.ecosystem, p.name)) << purl;
  }
}

TEST(AiCatalog, FindsByNormalisedNameAndKnowsImportNames) {
  const AiPackage* sk = Shipped().Find("pypi", "Scikit_Learn");
  ASSERT_NE(sk, nullptr);
  EXPECT_EQ(sk->imports, std::vector<std::string>{"sklearn"});
  const AiPackage* cv = Shipped().Find("pypi", "opencv-python");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->imports, std::vector<std::string>{"cv2"});
  const AiPackage* sdk = Shipped().Find("npm", "@AI-SDK/OpenAI");
  ASSERT_NE(sdk, nullptr);
  EXPECT_EQ(sdk->implies, "calls the OpenAI API");
  const AiPackage* lc4j = Shipped().Find("maven", "dev.langchain4j:langchain4j-open-ai");
  ASSERT_NE(lc4j, nullptr);
  EXPECT_EQ(lc4j->imports.at(0), "dev.langchain4j.model.openai");
  EXPECT_EQ(Shipped().Find("npm", "groq"), nullptr);  // GROQ the query language, not Groq
  EXPECT_EQ(Shipped().Find("golang", "github.com/SashaBaranov/go-openai"), nullptr);  // exact paths
}

TEST(AiCatalog, CoversTheProvidersAndFrameworksUsersAskAbout) {
  struct Want {
    const char* ecosystem;
    const char* name;
  };
  const Want kWanted[] = {
      {"pypi", "anthropic"},         {"pypi", "google-genai"},      {"pypi", "mistralai"},
      {"pypi", "cohere"},            {"pypi", "groq"},              {"pypi", "together"},
      {"pypi", "fireworks-ai"},      {"pypi", "replicate"},         {"pypi", "ollama"},
      {"pypi", "xai-sdk"},           {"pypi", "perplexityai"},      {"pypi", "openrouter"},
      {"pypi", "huggingface-hub"},   {"pypi", "azure-ai-inference"}, {"pypi", "langgraph"},
      {"pypi", "crewai"},            {"pypi", "dspy"},              {"pypi", "smolagents"},
      {"pypi", "pydantic-ai"},       {"pypi", "haystack-ai"},       {"pypi", "semantic-kernel"},
      {"pypi", "vllm"},              {"pypi", "mcp"},               {"pypi", "fastmcp"},
      {"pypi", "nemoguardrails"},    {"pypi", "llm-guard"},         {"pypi", "ragas"},
      {"npm", "ai"},                 {"npm", "@ai-sdk/openai"},     {"npm", "@mastra/core"},
      {"npm", "@modelcontextprotocol/sdk"}, {"npm", "@aws-sdk/client-bedrock-runtime"},
      {"golang", "github.com/sashabaranov/go-openai"}, {"golang", "github.com/ollama/ollama"},
      {"maven", "dev.langchain4j:langchain4j"}, {"maven", "org.springframework.ai:spring-ai-openai"},
      {"nuget", "Microsoft.SemanticKernel"}, {"cargo", "async-openai"}, {"gem", "ruby-openai"},
      {"composer", "openai-php/client"},
  };
  for (const auto& w : kWanted) {
    EXPECT_NE(Shipped().Find(w.ecosystem, w.name), nullptr) << w.ecosystem << "/" << w.name;
  }
}

constexpr std::string_view kCategories =
    "version: 1\ncategories:\n  - {id: llm-sdk, title: SDKs}\n  - {id: nlp, title: NLP}\n";

TEST(AiCatalog, LoadsASmallCatalogue) {
  auto cat = AiCatalog::Load(
      "version: 1\npackages:\n"
      "  - {name: openai, ecosystem: pypi, category: llm-sdk, provider: OpenAI, popular: true}\n"
      "  - {name: tiktoken, ecosystem: pypi, category: nlp, provider: OpenAI, imports: [tiktoken]}\n",
      kCategories);
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  EXPECT_EQ(cat->packages().size(), 2u);
  EXPECT_TRUE(cat->packages()[0].popular);
}

// Loading `packages` (with kCategories) fails with a message that mentions `why`.
void ExpectRejected(const std::string& packages, const std::string& why) {
  auto cat = AiCatalog::Load("version: 1\npackages:\n" + packages, kCategories);
  ASSERT_FALSE(cat.ok()) << packages;
  EXPECT_NE(cat.error().message.find(why), std::string::npos) << cat.error().message;
}

TEST(AiCatalog, RejectsDuplicatesAfterNormalisation) {
  ExpectRejected(
      "  - {name: sentence-transformers, ecosystem: pypi, category: nlp, provider: HF}\n"
      "  - {name: Sentence_Transformers, ecosystem: pypi, category: nlp, provider: HF}\n",
      "duplicate");
}

TEST(AiCatalog, RejectsUnknownCategory) {
  ExpectRejected("  - {name: openai, ecosystem: pypi, category: chatbots, provider: OpenAI}\n",
                 "category");
}

TEST(AiCatalog, RejectsUnknownEcosystem) {
  ExpectRejected("  - {name: openai, ecosystem: pip, category: llm-sdk, provider: OpenAI}\n",
                 "ecosystem");
}

TEST(AiCatalog, DataFilesCarryAVersion) {
  for (const char* f : {"catalog/ai-packages.yaml", "catalog/categories.yaml"}) {
    auto text = DataFile(f);
    ASSERT_TRUE(text.has_value()) << f;
    EXPECT_NE(text->find("\nversion: "), std::string_view::npos) << f;
  }
}

}  // namespace
}  // namespace aisec::catalog
