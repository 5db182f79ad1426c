#include "assess/model/jinja_rules.h"

#include <gtest/gtest.h>

#include "core/data.h"

namespace aisec::assess::model {
namespace {

const JinjaRules& Rules() { return JinjaRules::Default(); }

bool HitsRule(std::string_view tmpl, const std::string& id) {
  for (const auto& h : Rules().Scan(tmpl)) {
    if (h.rule->id == id) return true;
  }
  return false;
}

TEST(JinjaRules, DataFileLoads) {
  auto text = DataFile("model/jinja-rules.yaml");
  ASSERT_TRUE(text.has_value());
  auto rules = JinjaRules::Load(*text);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_GE(rules->rules().size(), 10u);
  EXPECT_GE(rules->benign().size(), 4u);
}

TEST(JinjaRules, EveryRuleMatchesItsExamples) {
  for (const auto& rule : Rules().rules()) {
    ASSERT_FALSE(rule.examples.empty()) << rule.id;
    for (const auto& e : rule.examples) EXPECT_TRUE(HitsRule(e, rule.id)) << rule.id << ": " << e;
  }
}

TEST(JinjaRules, OrdinaryChatTemplatesAreClean) {
  for (const auto& t : Rules().benign()) {
    auto hits = Rules().Scan(t);
    EXPECT_TRUE(hits.empty()) << (hits.empty() ? "" : hits[0].rule->id) << " in " << t;
  }
}

TEST(JinjaRules, RejectsBadRules) {
  EXPECT_FALSE(JinjaRules::Load("version: 1\nrules:\n  - {id: A, severity: high, title: t, "
                                "pattern: '(unclosed'}\n").ok());
  EXPECT_FALSE(JinjaRules::Load("version: 1\nrules:\n  - {id: A, severity: scary, title: t, "
                                "pattern: 'x'}\n").ok());
  EXPECT_FALSE(JinjaRules::Load("version: 1\nrules:\n  - {id: A, severity: high, title: t, "
                                "pattern: 'x'}\n  - {id: A, severity: high, title: t, "
                                "pattern: 'y'}\n").ok());
}

TEST(JinjaRules, PlainTextOutsideBlocksIsIgnored) {
  EXPECT_TRUE(Rules().Scan("Explain what __init__ does in Python. {{ messages[0]['content'] }}")
                  .empty());
  EXPECT_TRUE(Rules().Scan("{# __globals__ in a comment #}").empty());
}

TEST(JinjaRules, ObfuscatedHitsAreMarked) {
  auto hits = Rules().Scan("{{ x['__glo' ~ 'bals__'] }}");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].rule->id, "PYTHON-INTERNALS");
  EXPECT_TRUE(hits[0].obfuscated);
  EXPECT_TRUE(HitsRule("{{ x['__ssalc__'|reverse] }}", "OBJECT-DUNDER"));
  EXPECT_TRUE(HitsRule("{{ x['\\137\\137class\\137\\137'] }}", "OBJECT-DUNDER"));
  EXPECT_TRUE(HitsRule("{{ x[\"\\u005f\\u005fglobals\\u005f\\u005f\"] }}", "PYTHON-INTERNALS"));
}

TEST(Deobfuscate, MergesDecodesAndReverses) {
  EXPECT_EQ(Deobfuscate("{{ 'a' + 'b' ~ \"c\" 'd' }}"), "{{ 'abcd' }}");
  EXPECT_EQ(Deobfuscate("{{ '\\x41\\u0042\\103' }}"), "{{ 'ABC' }}");
  EXPECT_EQ(Deobfuscate("{{ 'cba' | reverse }}"), "{{ 'abc' }}");
  EXPECT_EQ(Deobfuscate("{{ 'unterminated"), "{{ 'unterminated'");
}

TEST(JinjaBlocks, FindsExpressionsAndStatementsNotComments) {
  auto blocks = JinjaBlocks("a {{ x }} b {% if '}}' %} c {# note #} d {{ unterminated");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "{{ x }}");
  EXPECT_EQ(blocks[1].text, "{% if '}}' %}");
  EXPECT_EQ(blocks[0].offset, 2u);
}

}  // namespace
}  // namespace aisec::assess::model
