// Provider credentials: found in code and config, reported redacted everywhere, placeholders
// ignored. Keys are generated at run time so that no key-shaped string is committed.
#include <gtest/gtest.h>

#include <random>

#include "aisec/aisec.h"
#include "catalog/code/detector.h"
#include "test_util.h"

namespace aisec {
namespace {

std::string Random(std::mt19937& rng, size_t n, std::string_view alphabet) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

TEST(Secrets, FoundRedactedAndNeverPrinted) {
  std::mt19937 rng(42);
  const std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::vector<std::pair<std::string, std::string>> keys = {
      {"openai-api-key", "sk-proj-" + Random(rng, 20, alnum) + "T3BlbkFJ" + Random(rng, 20, alnum)},
      {"anthropic-api-key", "sk-ant-api03-" + Random(rng, 93, alnum) + "AA"},
      {"huggingface-token", "hf_" + Random(rng, 34, letters)},
      {"google-api-key", "AIza" + Random(rng, 35, alnum)},
      {"groq-api-key", "gsk_" + Random(rng, 52, alnum)},
      {"replicate-api-token", "r8_" + Random(rng, 37, alnum)},
  };
  testing::TempDir dir;
  std::string py = "import os\n";
  for (size_t i = 0; i < keys.size(); ++i) py += "KEY_" + std::to_string(i) + " = \"" + keys[i].second + "\"\n";
  dir.Write("app/keys.py", py);
  dir.Write(".env", "MISTRAL_API_KEY=" + Random(rng, 32, alnum) + "\nOPENAI_API_KEY=sk-your-key-here\n");
  dir.Write("placeholders.py", "k = \"sk-proj-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx\"\n");
  auto r = Scan({.root = dir.path()});
  ASSERT_TRUE(r.ok());
  std::set<std::string> found;
  for (const auto& f : r->findings) {
    if (f.rule_id != "AISEC-SECRET-AI-KEY") continue;
    found.insert(f.properties.at("aisec:secret-id"));
    EXPECT_EQ(f.severity, Severity::kHigh);
    EXPECT_NE(f.evidence.at(0).location.line, 0u);
    EXPECT_NE(f.evidence.at(0).location.path, "placeholders.py");
  }
  for (const auto& [id, _] : keys) EXPECT_TRUE(found.count(id)) << id;
  EXPECT_TRUE(found.count("mistral-api-key"));
  EXPECT_EQ(r->exit_code, 1);  // high findings fail the default policy
  for (const auto& format : ReportFormats()) {
    auto text = Render(*r, format);
    ASSERT_TRUE(text.ok());
    for (const auto& [id, key] : keys) {
      EXPECT_EQ(text->find(key.substr(0, 16)), std::string::npos) << format << " leaks " << id;
    }
  }
}

TEST(Secrets, RedactionKeepsOnlyAPrefix) {
  std::string s = catalog::code::RedactSecret("hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", 5);
  EXPECT_EQ(s.substr(0, 5), "hf_ab");
  EXPECT_EQ(s.find("cdefgh"), std::string::npos);
  EXPECT_TRUE(catalog::code::LooksLikePlaceholder("sk-your-api-key-goes-here-please"));
  EXPECT_TRUE(catalog::code::LooksLikePlaceholder("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  EXPECT_FALSE(catalog::code::LooksLikePlaceholder("Xk29fLq81ZpWm3NvB7tYr5Hc0Jd4Gs6A"));
}

}  // namespace
}  // namespace aisec
