#include "core/pattern_set.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace aisec {
namespace {

std::vector<PatternMatch> All(const PatternSet& set, std::string_view text) {
  std::vector<PatternMatch> out;
  set.Scan(text, [&](const PatternMatch& m) { out.push_back(m); });
  return out;
}

TEST(PatternSet, ReportsSpansAndGroups) {
  auto set = PatternSet::Compile({{R"(\bgpt-4o(-mini)?\b)"}, {R"re(model\s*=\s*"([^"]+)")re"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  std::string text = "x = 1\nclient(model=\"gpt-4o-mini\")\n";
  auto m = All(**set, text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].id, 0u);
  EXPECT_EQ(text.substr(m[0].start, m[0].end - m[0].start), "gpt-4o-mini");
  EXPECT_EQ(m[0].groups[0], "-mini");
  EXPECT_EQ(m[1].id, 1u);
  EXPECT_EQ(m[1].groups[0], "gpt-4o-mini");
}

TEST(PatternSet, LineAnchorsAndCaseless) {
  auto set = PatternSet::Compile({{R"(^import\s+(openai)\b)"}, {"OPENAI_API_KEY", true}});
  ASSERT_TRUE(set.ok());
  std::string text = "# import openai\nimport openai\nopenai_api_key=1\n";
  auto m = All(**set, text);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].start, 16u);
  EXPECT_EQ(m[1].id, 1u);
}

TEST(PatternSet, RejectsBadPatterns) {
  EXPECT_FALSE(PatternSet::Compile({{"(unclosed"}}).ok());
  EXPECT_FALSE(PatternSet::Compile({{R"((a)\1)"}}).ok());  // backreference
}

TEST(PatternSet, ThreadsShareOneSet) {
  auto set = PatternSet::Compile({{"needle"}});
  ASSERT_TRUE(set.ok());
  std::string text(100000, 'x');
  text.replace(5000, 6, "needle");
  std::vector<std::thread> threads;
  std::atomic<int> hits{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) hits += static_cast<int>(All(**set, text).size());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(hits.load(), 80);
}

}  // namespace
}  // namespace aisec

namespace aisec {
namespace {

TEST(PatternSet, VerifiedAnchorsMixWithPlainPatterns) {
  auto set = PatternSet::Compile({{R"(\bAnthropic[ \t]*\()"},
                                  {"import openai", false, R"(^\s*import\s+(openai)\b)"},
                                  {"T3BlbkFJ", false, R"(\b(sk-[A-Za-z0-9]+T3BlbkFJ[A-Za-z0-9]+))"}});
  ASSERT_TRUE(set.ok()) << set.error().message;
  std::string text = "import openai\nclaude = Anthropic()\nk = 'sk-abcT3BlbkFJxyz'\n# import openai_x\n";
  auto m = All(**set, text);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].id, 1u);
  EXPECT_EQ(m[0].groups[0], "openai");
  EXPECT_EQ(m[1].id, 0u);
  EXPECT_EQ(text.substr(m[1].start, m[1].end - m[1].start), "Anthropic(");
  EXPECT_EQ(m[2].groups[0], "sk-abcT3BlbkFJxyz");
}

}  // namespace
}  // namespace aisec
