// Every risky-code rule in data/rules/code-risks.yaml reports its positive examples and stays
// silent on its negative ones, in the first language family it names.
#include <gtest/gtest.h>

#include <filesystem>

#include "aisec/aisec.h"
#include "catalog/code/knowledge.h"
#include "test_util.h"

namespace aisec {
namespace {

std::string Extension(const std::string& family) {
  if (family == "js") return ".ts";
  if (family == "go") return ".go";
  return ".py";
}

size_t CountRule(const std::string& rule_id, const std::string& family, const std::string& code) {
  testing::TempDir dir;
  // In the data file's examples, the two characters "\n" stand for a line break.
  std::string text = code;
  for (size_t pos; (pos = text.find("\\n")) != std::string::npos;) text.replace(pos, 2, "\n");
  dir.Write("sample" + Extension(family), text + "\n");
  auto r = Scan({.root = dir.path()});
  EXPECT_TRUE(r.ok());
  size_t n = 0;
  for (const auto& f : r->findings) {
    if (f.rule_id == rule_id) {
      ++n;
      EXPECT_FALSE(f.frameworks.at("cwe").empty());
      EXPECT_FALSE(f.frameworks.at("owasp_llm_2025").empty());
      EXPECT_FALSE(f.remediation.empty());
      EXPECT_GT(f.evidence.at(0).location.line, 0u);
    }
  }
  return n;
}

TEST(CodeRisks, EveryRuleHasExamplesThatBehave) {
  const auto& k = catalog::code::Knowledge::Get();
  ASSERT_GE(k.risks().size(), 10u);
  for (const auto& rule : k.risks()) {
    ASSERT_FALSE(rule.positive.empty()) << rule.id;
    ASSERT_FALSE(rule.negative.empty()) << rule.id;
    const std::string& family = rule.families.at(0);
    for (const auto& p : rule.positive) EXPECT_GE(CountRule(rule.id, family, p), 1u) << rule.id << ": " << p;
    for (const auto& n : rule.negative) EXPECT_EQ(CountRule(rule.id, family, n), 0u) << rule.id << ": " << n;
  }
}

size_t CountInFixture(const std::string& rule_id, const std::filesystem::path& file) {
  testing::TempDir dir;
  dir.Write(file.filename().string(), testing::ReadFile(file));
  auto r = Scan({.root = dir.path()});
  EXPECT_TRUE(r.ok());
  size_t n = 0;
  for (const auto& f : r->findings) n += f.rule_id == rule_id;
  return n;
}

// Issue 5 audit: a local folder handed to from_pretrained is not an unpinned hub download.
TEST(CodeRisks, UnpinnedRevisionOnlyForHubIds) {
  const std::string id = "AISEC-CODE-UNPINNED-MODEL-REVISION";
  auto root = testing::Fixture("catalog/code/hub_revision");
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(root / "positive")) {
    EXPECT_EQ(CountInFixture(id, e.path()), 1u) << e.path();
    ++files;
  }
  for (const auto& e : std::filesystem::directory_iterator(root / "negative")) {
    EXPECT_EQ(CountInFixture(id, e.path()), 0u) << e.path();
    ++files;
  }
  EXPECT_GE(files, 16u);
  // The audit's file: "bert-base-uncased" is reported, "./local_dir" is not.
  auto r = Scan({.root = root, .db_path = ""});
  ASSERT_TRUE(r.ok());
  std::vector<uint32_t> lines;
  for (const auto& f : r->findings) {
    if (f.rule_id == id && f.evidence.at(0).location.path == "audit_mixed.py") lines.push_back(f.evidence[0].location.line);
  }
  EXPECT_EQ(lines, std::vector<uint32_t>{14});
}

TEST(CodeRisks, IdsAreUniqueAndMapped) {
  std::set<std::string> ids;
  for (const auto& rule : catalog::code::Knowledge::Get().risks()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
    EXPECT_TRUE(rule.id.starts_with("AISEC-CODE-")) << rule.id;
    for (const auto& o : rule.owasp) EXPECT_TRUE(o.size() == 5 && o.starts_with("LLM")) << o;
    for (const auto& c : rule.cwe) EXPECT_TRUE(c.starts_with("CWE-")) << c;
  }
}

}  // namespace
}  // namespace aisec
