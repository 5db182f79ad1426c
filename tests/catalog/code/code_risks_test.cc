// Every risky-code rule in data/rules/code-risks.yaml reports its positive examples and stays
// silent on its negative ones, in the first language family it names.
#include <gtest/gtest.h>

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
