#include "assess/approved_list.h"

#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec::assess {
namespace {

TEST(ApprovedList, MatchesByKind) {
  auto list = ApprovedList::Parse(
      "version: 1\nproviders: [OpenAI]\nmodels: ['gpt-4o*']\npackages: ['pypi/openai', 'npm/@ai-sdk/*']\n"
      "endpoints: ['https://*.openai.azure.com*']\ndatasets: [squad]\n",
      "a.yaml");
  ASSERT_TRUE(list.ok());
  Component lib{.kind = ComponentKind::kLibrary, .name = "@ai-sdk/openai", .ecosystem = "npm"};
  EXPECT_NE(list->Approves(lib), "");
  lib.name = "langchain";
  EXPECT_EQ(list->Approves(lib), "");
  Component model{.kind = ComponentKind::kModel, .name = "GPT-4o-mini"};
  EXPECT_NE(list->Approves(model), "");  // globs ignore case
  model.name = "claude-3-5-haiku";
  EXPECT_EQ(list->Approves(model), "");
  Component svc{.kind = ComponentKind::kService, .name = "OpenAI API", .ai = AiInfo{.provider = "OpenAI"}};
  EXPECT_NE(list->Approves(svc), "");
}

TEST(ApprovedList, RejectsUnknownKeysAndBadShapes) {
  EXPECT_FALSE(ApprovedList::Parse("providers: OpenAI\n", "a.yaml").ok());
  EXPECT_FALSE(ApprovedList::Parse("vendors: [x]\n", "a.yaml").ok());
  EXPECT_FALSE(ApprovedList::Parse("[1, 2]\n", "a.yaml").ok());
}

TEST(ShadowAi, UnapprovedAndUndeclaredFindings) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "openai==1.54.3\n");
  dir.Write("app.py", "import openai\nimport anthropic\nm = client.create(model=\"claude-3-5-haiku-20241022\")\n");
  auto approved = dir.Write("approved.yaml", "providers: [OpenAI]\npackages: [pypi/openai]\n");
  auto r = Scan({.root = dir.path(), .excludes = {"approved.yaml"}, .approved_path = approved.string()});
  ASSERT_TRUE(r.ok());
  std::multiset<std::string> rules;
  for (const auto& f : r->findings) rules.insert(f.rule_id + " " + f.component_ref);
  EXPECT_TRUE(rules.count("AISEC-SHADOW-UNDECLARED pkg:pypi/anthropic"));
  EXPECT_FALSE(rules.count("AISEC-SHADOW-UNDECLARED pkg:pypi/openai@1.54.3"));
  EXPECT_TRUE(rules.count("AISEC-SHADOW-UNAPPROVED pkg:pypi/anthropic"));
  EXPECT_TRUE(rules.count("AISEC-SHADOW-UNAPPROVED machine-learning-model:claude-3-5-haiku-20241022"));
  EXPECT_FALSE(rules.count("AISEC-SHADOW-UNAPPROVED pkg:pypi/openai@1.54.3"));
}

TEST(ShadowAi, MissingApprovedFileIsAUsageError) {
  testing::TempDir dir;
  auto r = testing::RunAisec({"scan", dir.path().string(), "--approved", (dir / "nope.yaml").string()});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace aisec::assess
