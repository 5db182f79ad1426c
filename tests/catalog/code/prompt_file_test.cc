#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

testing::CatalogOutput ReadPrompt(const std::string& root, const std::string& file) {
  return testing::RunCataloger(code::PromptFile, testing::Fixture(root), file);
}

TEST(PromptFile, ClaimsPromptFilesByNameAndFolder) {
  for (const char* p :
       {"a.prompt", "x/support.prompty", ".github/prompts/review.prompt.md", "prompts/triage.md",
        "app/prompts/system.txt", "system_prompt.txt", "config/system-prompt.md"}) {
    EXPECT_TRUE(code::ClaimsPromptFile(p)) << p;
  }
  for (const char* p :
       {"README.md", "prompts/logo.png", "prompts/sub/deeper.md", "notes.txt", "prompt.py"}) {
    EXPECT_FALSE(code::ClaimsPromptFile(p)) << p;
  }
}

TEST(PromptFile, MarkdownPromptInPromptsFolder) {
  auto out = ReadPrompt("catalog/code/agents", "prompts/triage.md");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kPrompt);
  EXPECT_EQ(c.scope, Scope::kDeclared);
  EXPECT_EQ(c.properties.at("aisec:prompt:source"), "file");
  EXPECT_EQ(c.evidence.at(0).location.line, 1u);
  EXPECT_TRUE(c.properties.at("aisec:prompt:preview")
                  .starts_with("You are the triage assistant of Acme Shop."));
}

TEST(PromptFile, FrontMatterIsLeftOut) {
  auto out = ReadPrompt("catalog/code/agents", "prompts/escalation.prompty");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].evidence.at(0).location.line, 6u);
  EXPECT_TRUE(
      out.components[0].properties.at("aisec:prompt:preview").starts_with("system: You decide"));
  auto md = ReadPrompt("catalog/code/prompt_files", "summarise.prompt.md");
  ASSERT_EQ(md.components.size(), 1u);
  EXPECT_EQ(md.components[0].evidence.at(0).location.line, 6u);
  EXPECT_EQ(md.components[0].properties.at("aisec:prompt:preview"),
            "Summarise the pull request in five bullet points for reviewers.");
}

TEST(PromptFile, MalformedFiles) {
  auto open =
      ReadPrompt("catalog/code/prompt_files", "unterminated.prompt");  // not front matter: all text
  ASSERT_EQ(open.components.size(), 1u);
  EXPECT_TRUE(open.components[0].properties.at("aisec:prompt:preview").starts_with("--- name:"));
  auto bad = ReadPrompt("catalog/code/prompt_files", "prompts/invalid_utf8.txt");
  EXPECT_TRUE(bad.components.empty());
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_NE(bad.warnings[0].message.find("UTF-8"), std::string::npos);
  EXPECT_TRUE(ReadPrompt("catalog/code/prompt_files", "prompts/empty.md").components.empty());
  testing::TempDir dir;
  dir.Write("huge.prompt", std::string(300 * 1024, 'a'));
  auto huge = testing::RunCataloger(code::PromptFile, dir.path(), "huge.prompt");
  EXPECT_TRUE(huge.components.empty());
  EXPECT_EQ(huge.warnings.size(), 1u);
}

}  // namespace
}  // namespace aisec::catalog
