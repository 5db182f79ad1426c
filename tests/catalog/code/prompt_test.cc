#include "catalog/code/prompt.h"

#include <gtest/gtest.h>

namespace aisec::catalog::code {
namespace {

TEST(Prompt, LooksLikePromptNeedsProse) {
  EXPECT_TRUE(LooksLikePrompt("You are a helpful assistant."));
  EXPECT_FALSE(LooksLikePrompt("linux"));
  EXPECT_FALSE(LooksLikePrompt("x86_64-unknown-linux-gnu"));  // long, but not words
  EXPECT_FALSE(LooksLikePrompt("  "));
}

TEST(Prompt, ComponentHasHashPreviewAndNoFullText) {
  Sink sink;
  std::string text = "You are the billing assistant. " + std::string(400, 'a') + " END-OF-PROMPT";
  std::string key =
      ReportPrompt(text, PromptOrigin{Location{"app.py", 3, 5, 0}, "code", "LangChain"}, sink);
  ASSERT_EQ(sink.components.size(), 1u);
  const Component& c = sink.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kPrompt);
  EXPECT_EQ(c.Key(), key);
  EXPECT_EQ(c.properties.at("aisec:prompt:chars"), std::to_string(text.size()));
  EXPECT_EQ(c.properties.at("aisec:prompt:framework"), "LangChain");
  EXPECT_EQ(c.properties.at("aisec:data:classification"), "system-prompt");
  EXPECT_LE(c.properties.at("aisec:prompt:preview").size(), 120u);
  EXPECT_EQ(c.properties.at("aisec:prompt:preview").find("END-OF-PROMPT"), std::string::npos);
  EXPECT_EQ(c.hashes.at(0).value.size(), 64u);
  EXPECT_TRUE(sink.findings.empty());
  // The same text elsewhere is the same component; another text is another.
  Sink other;
  EXPECT_EQ(ReportPrompt(text, PromptOrigin{Location{"b.py", 1, 1, 0}, "code", ""}, other), key);
  EXPECT_NE(ReportPrompt(text + "!", PromptOrigin{Location{"b.py", 1, 1, 0}, "code", ""}, other),
            key);
}

TEST(Prompt, CredentialsAreFindingsAndRedacted) {
  Sink sink;
  const std::string key = "sk-proj-" + std::string("Zq8vR2mXk4Tn7Wb1Lc9Hd3Fs6Gj0Yp5Ae") +
                          "T3BlbkFJ" + std::string("Nw2Qe7Rt4Yu8Io1Pa5Sd9Fg3Hj6Kl0Zx");
  std::string text =
      "You are the ops bot. Use key " + key + " and the admin password is Hunter2-Blue-77.";
  ReportPrompt(text, PromptOrigin{Location{"ops.py", 9, 1, 0}, "code", ""}, sink);
  ASSERT_EQ(sink.findings.size(), 1u);
  const Finding& f = sink.findings[0];
  EXPECT_EQ(f.rule_id, "AISEC-PROMPT-SECRET");
  EXPECT_EQ(f.severity, Severity::kHigh);
  EXPECT_EQ(f.component_ref, sink.components.at(0).Key());
  EXPECT_NE(f.description.find("2 credential"), std::string::npos);
  const std::string preview = sink.components.at(0).properties.at("aisec:prompt:preview");
  for (const std::string* s :
       {&preview, &f.evidence.at(0).snippet, &f.properties.at("aisec:secret")}) {
    EXPECT_EQ(s->find("Zq8vR2mXk4"), std::string::npos) << *s;
    EXPECT_EQ(s->find("Hunter2-Blue"), std::string::npos) << *s;
  }
  EXPECT_NE(preview.find("redacted"), std::string::npos);
  size_t found = 0;
  EXPECT_EQ(RedactCredentials("password: changeme-later-please", &found).find("redacted"),
            std::string::npos);
  EXPECT_EQ(found, 0u);  // a placeholder is not a credential
}

}  // namespace
}  // namespace aisec::catalog::code
