#include <gtest/gtest.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& rel) {
  return testing::RunModelCheck(RunHf, testing::Fixture("model/hf"), rel);
}

TEST(HfCheck, BenignFolderIsClean) {
  for (const char* rel : {"benign_model/config.json", "benign_model/tokenizer_config.json",
                          "named_templates/tokenizer_config.json",
                          "template_files/chat_template.json"}) {
    auto r = Check(rel);
    EXPECT_TRUE(r.report.findings.empty()) << rel << ": " << r.Rules();
  }
  EXPECT_EQ(Check("benign_model/config.json").report.metadata.at("model_type"), "llama");
}

TEST(HfCheck, ShippedRemoteCodeIsHighAndListsTheFiles) {
  auto r = Check("remote_code/config.json");
  const Finding* f = r.Get("AISEC-MODEL-HF-REMOTE-CODE");
  ASSERT_NE(f, nullptr) << r.Rules();
  EXPECT_EQ(f->severity, Severity::kHigh);
  EXPECT_NE(f->description.find("modeling_evil.py (present)"), std::string::npos);
  EXPECT_NE(f->description.find("configuration_evil.py (present)"), std::string::npos);
  EXPECT_EQ(r.report.findings.size(), 1u);
}

TEST(HfCheck, MissingRemoteCodeIsMedium) {
  auto r = Check("remote_code_missing/config.json");
  const Finding* f = r.Get("AISEC-MODEL-HF-REMOTE-CODE");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kMedium);
  EXPECT_NE(f->description.find("(missing)"), std::string::npos);
}

TEST(HfCheck, CodeFromAnotherRepositoryAndOddModulePaths) {
  EXPECT_TRUE(Check("other_repo/config.json").Has("AISEC-MODEL-HF-REMOTE-CODE-OTHER-REPO"));
  auto path = Check("auto_map_path/config.json");
  ASSERT_TRUE(path.Has("AISEC-MODEL-HF-AUTO-MAP-PATH")) << path.Rules();
  EXPECT_EQ(path.MaxSeverity(), Severity::kHigh);
}

TEST(HfCheck, TokenizerAutoMap) {
  auto r = Check("tokenizer_remote/tokenizer_config.json");
  const Finding* f = r.Get("AISEC-MODEL-HF-REMOTE-CODE");
  ASSERT_NE(f, nullptr) << r.Rules();
  EXPECT_NE(f->description.find("tokenization_evil.py (present)"), std::string::npos);
}

TEST(HfCheck, MaliciousChatTemplates) {
  auto tok = Check("tokenizer_ssti/tokenizer_config.json");
  EXPECT_TRUE(tok.Has("AISEC-MODEL-HF-JINJA-GLOBALS-WALK")) << tok.Rules();
  EXPECT_EQ(tok.MaxSeverity(), Severity::kCritical);
  auto jinja = Check("template_files/chat_template.jinja");
  const Finding* f = jinja.Get("AISEC-MODEL-HF-JINJA-OBJECT-DUNDER");
  ASSERT_NE(f, nullptr) << jinja.Rules();
  EXPECT_EQ(f->severity, Severity::kCritical);  // hidden by concatenation
  EXPECT_EQ(f->properties.at("aisec:technique"), "template-injection-obfuscated");
}

TEST(HfCheck, Claims) {
  EXPECT_TRUE(ClaimsHf("{\"architectures\": [\"X\"]}", "config.json"));
  EXPECT_FALSE(ClaimsHf("{\"port\": 8080}", "config.json"));
  EXPECT_TRUE(ClaimsHf("", "tokenizer_config.json"));
  EXPECT_TRUE(ClaimsHf("", "chat_template.jinja"));
}

}  // namespace
}  // namespace aisec::assess::model
