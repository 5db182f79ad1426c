#include "catalog/code/call_args.h"

#include <gtest/gtest.h>

namespace aisec::catalog::code {
namespace {

TEST(CallArgs, KeywordsPositionalsAndLiterals) {
  std::string_view text = R"(f("first", tools=[a, b()], name="x", n=1, flag == 2))";
  CallArgs a = ReadCallArgs(text, 2);
  ASSERT_TRUE(a.first_positional.has_value());
  EXPECT_EQ(a.first_positional->second, "first");
  EXPECT_EQ(text.substr(a.first_positional->first, 5), "first");
  EXPECT_EQ(a.raw.at("tools"), "[a, b()]");
  EXPECT_EQ(a.keywords.at("name").second, "x");
  EXPECT_EQ(a.raw.at("n"), "1");
  EXPECT_EQ(a.keywords.count("n"), 0u);
  ASSERT_EQ(a.positional.size(), 2u);  // "first" and the comparison
  EXPECT_EQ(a.positional[1], "flag == 2");
}

TEST(CallArgs, SingleObjectArgumentHoldsTheKeywords) {
  std::string_view text = R"(new Agent({ name: "Helper", tools: [t1, t2], "quoted": 'v' }))";
  CallArgs a = ReadCallArgs(text, text.find('(') + 1);
  EXPECT_EQ(a.keywords.at("name").second, "Helper");
  EXPECT_EQ(a.raw.at("tools"), "[t1, t2]");
  EXPECT_EQ(a.keywords.at("quoted").second, "v");
}

TEST(CallArgs, UnterminatedAndHugeInputsStop) {
  std::string deep = "(" + std::string(10000, '[');
  CallArgs a = ReadCallArgs(deep, 1);
  EXPECT_TRUE(a.positional.empty());
  CallArgs b = ReadCallArgs("(name=\"open", 1);
  EXPECT_TRUE(b.keywords.empty());
}

TEST(CallArgs, ListedNames) {
  EXPECT_EQ(ListedNames("[search, PythonREPLTool(), tools.calc, 3, \"x\", lambda: 1]"),
            (std::vector<std::string>{"search", "PythonREPLTool", "tools.calc"}));
  EXPECT_TRUE(ListedNames("tools").empty());
  EXPECT_TRUE(ListedNames("[").empty());
}

TEST(CallArgs, ListedNamesOfOtherLanguages) {
  using V = std::vector<std::string>;
  EXPECT_EQ(ListedNames("[]tools.Tool{tools.Calculator{}, Weather{}, nil}"),
            (V{"tools.Calculator", "Weather", "nil"}));
  EXPECT_EQ(ListedNames("vec![Adder, Subtract]"), (V{"Adder", "Subtract"}));
  EXPECT_EQ(ListedNames("[WeatherTool.new(api_key: k), Langchain::Tool::Calculator.new]"),
            (V{"WeatherTool", "Langchain::Tool::Calculator"}));
  EXPECT_TRUE(ListedNames("[]string").empty());
}

TEST(CallArgs, ChainedCallsAndArgumentNames) {
  std::string_view text =
      "x.agent(m)\n  .preamble(\"p (x)\")\n  .tool(Adder)\n  .tools(new A(b), c)\n  .build();";
  auto calls = ChainedCalls(text, text.find(')') + 1);
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_EQ(calls[0].method, "preamble");
  EXPECT_EQ(calls[3].method, "build");
  EXPECT_EQ(ArgumentNames(ReadCallArgs(text, calls[1].open)), (std::vector<std::string>{"Adder"}));
  EXPECT_EQ(ArgumentNames(ReadCallArgs(text, calls[2].open)), (std::vector<std::string>{"A", "c"}));
  EXPECT_TRUE(ChainedCalls("x;\n.tool(A)", 1).empty());  // the statement ended
}

TEST(CallArgs, ArgumentsWithoutParenthesesRunToTheEndOfTheText) {
  std::string_view text = R"(define_function :f, description: "Does f")";
  CallArgs a = ReadCallArgs(text, text.find(' '));
  EXPECT_EQ(a.keywords.at("description").second, "Does f");
  EXPECT_EQ(a.close, 0u);
}

}  // namespace
}  // namespace aisec::catalog::code
