// Agents, tools and prompts in Java (@Tool methods), Go, Rust, Ruby and notebooks, from the
// fixture app (tests/fixtures/catalog/code/agents).
#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

testing::CatalogOutput RunOn(void (*run)(Context&), const std::string& file) {
  return testing::RunCataloger(run, testing::Fixture("catalog/code/agents"), file);
}
testing::CatalogOutput Agents(const std::string& file) { return RunOn(code::AgentCode, file); }

const Component* Find(const testing::CatalogOutput& out, ComponentKind kind,
                      const std::string& name) {
  for (const auto& c : out.components) {
    if (c.kind == kind && c.name == name) return &c;
  }
  return nullptr;
}

std::vector<const Component*> OfKind(const testing::CatalogOutput& out, ComponentKind kind) {
  std::vector<const Component*> v;
  for (const auto& c : out.components) {
    if (c.kind == kind) v.push_back(&c);
  }
  return v;
}

std::string Prop(const Component* c, const std::string& key) {
  if (!c) return "<missing component>";
  auto it = c->properties.find(key);
  return it == c->properties.end() ? "" : it->second;
}

bool Related(const testing::CatalogOutput& out, const std::string& from, const std::string& to) {
  for (const auto& r : out.relations) {
    if (r.from == from && r.to == to) return true;
  }
  return false;
}

TEST(AgentCodeJava, LangChain4jToolMethodsWithNamesAndDescriptions) {
  auto out = Agents("java/WeatherTools.java");
  ASSERT_EQ(OfKind(out, ComponentKind::kTool).size(), 2u);  // not the commented-out one
  const Component* forecast = Find(out, ComponentKind::kTool, "forecast");
  ASSERT_NE(forecast, nullptr);
  EXPECT_EQ(forecast->evidence.at(0).location.line, 15u);
  EXPECT_EQ(Prop(forecast, "aisec:tool:framework"), "LangChain4j");
  EXPECT_EQ(Prop(forecast, "aisec:tool:description"),
            "Returns the weather forecast for a city on a given day");
  EXPECT_EQ(Prop(forecast, "aisec:tool:class"), "WeatherTools");
  const Component* convert = Find(out, ComponentKind::kTool, "convert_temperature");
  EXPECT_EQ(Prop(convert, "aisec:tool:description"), "Converts Celsius to Fahrenheit");
}

TEST(AgentCodeJava, AiServiceUsesTheToolClassItIsHanded) {
  auto out = Agents("java/TravelAgent.java");
  const Component* planner = Find(out, ComponentKind::kAgent, "planner");
  ASSERT_NE(planner, nullptr);
  EXPECT_EQ(Prop(planner, "aisec:agent:tools"), "WeatherTools");
  EXPECT_TRUE(Related(out, planner->Key(), "tool:WeatherTools"));
  EXPECT_EQ(OfKind(out, ComponentKind::kPrompt).size(), 1u);
}

TEST(AgentCodeJava, SpringAiToolsAndChatClient) {
  auto out = Agents("java/ClockTools.java");
  const Component* now = Find(out, ComponentKind::kTool, "currentDateTime");
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(Prop(now, "aisec:tool:framework"), "Spring AI");
  EXPECT_EQ(Prop(now, "aisec:tool:description"), "Current date and time in the user's time zone");
  EXPECT_EQ(Prop(Find(out, ComponentKind::kTool, "set_alarm"), "aisec:tool:class"), "ClockTools");
  const Component* client = Find(out, ComponentKind::kAgent, "chatClient");
  ASSERT_NE(client, nullptr);
  EXPECT_EQ(Prop(client, "aisec:agent:tools"), "ClockTools");
  auto prompts = OfKind(out, ComponentKind::kPrompt);
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_EQ(Prop(client, "aisec:agent:prompt"), prompts[0]->Key());
}

TEST(AgentCodeJava, AnotherToolAnnotationIsNotAnAiTool) {
  EXPECT_TRUE(Agents("java/Toolbox.java").components.empty());
}

TEST(AgentCodeGo, LangChainGoAgentToolsAndPrompt) {
  auto out = Agents("go/research_agent.go");
  const Component* agent = Find(out, ComponentKind::kAgent, "researcher");
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(Prop(agent, "aisec:agent:framework"), "LangChainGo");
  EXPECT_EQ(Prop(agent, "aisec:agent:tools"), "tools.Calculator,Weather");
  EXPECT_NE(Find(out, ComponentKind::kAgent, "executor"), nullptr);
  EXPECT_EQ(OfKind(out, ComponentKind::kAgent).size(), 2u);  // not the commented-out one
  const Component* weather = Find(out, ComponentKind::kTool, "city_weather");
  ASSERT_NE(weather, nullptr);
  EXPECT_EQ(Prop(weather, "aisec:tool:class"), "Weather");
  EXPECT_EQ(Prop(weather, "aisec:tool:description"), "Current weather for a city name.");
  ASSERT_EQ(OfKind(out, ComponentKind::kPrompt).size(), 1u);
  EXPECT_EQ(OfKind(out, ComponentKind::kPrompt)[0]->evidence.at(0).location.line, 38u);
}

TEST(AgentCodeGo, GenkitAndOpenAiFunctionTools) {
  auto out = Agents("go/weather_functions.go");
  const Component* forecast = Find(out, ComponentKind::kTool, "getForecast");
  ASSERT_NE(forecast, nullptr);
  EXPECT_EQ(Prop(forecast, "aisec:tool:description"), "Three-day forecast for a city");
  EXPECT_NE(Find(out, ComponentKind::kTool, "get_temperature"), nullptr);
  EXPECT_EQ(OfKind(out, ComponentKind::kPrompt).size(), 1u);
  EXPECT_TRUE(Agents("go/shapes.go").components.empty());
}

TEST(AgentCodeRust, RigAgentWithPreambleAndTools) {
  auto out = Agents("rust/calculator.rs");
  const Component* agent = Find(out, ComponentKind::kAgent, "calculator");
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(OfKind(out, ComponentKind::kAgent).size(), 1u);  // not the commented-out one
  EXPECT_EQ(Prop(agent, "aisec:agent:tools"), "Adder,Subtract");
  auto prompts = OfKind(out, ComponentKind::kPrompt);
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_EQ(Prop(agent, "aisec:agent:prompt"), prompts[0]->Key());
  const Component* add = Find(out, ComponentKind::kTool, "add");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(Prop(add, "aisec:tool:class"), "Adder");
  EXPECT_EQ(Prop(add, "aisec:tool:description"), "Add x and y together");
  EXPECT_NE(Find(out, ComponentKind::kTool, "subtract"), nullptr);
}

TEST(AgentCodeRust, AsyncOpenAiFunctionsAndSystemMessage) {
  auto out = Agents("rust/chat.rs");
  EXPECT_EQ(Prop(Find(out, ComponentKind::kTool, "lookup_invoice"), "aisec:tool:description"),
            "Find an invoice by its number");
  EXPECT_EQ(Prop(Find(out, ComponentKind::kTool, "issue_refund"), "aisec:tool:description"),
            "Refund an invoice");
  EXPECT_EQ(OfKind(out, ComponentKind::kPrompt).size(), 1u);
  EXPECT_TRUE(Agents("rust/workshop.rs").components.empty());
}

TEST(AgentCodeRuby, LangchainRbToolDefinitionsAndAssistant) {
  auto out = Agents("ruby/weather_tool.rb");
  ASSERT_EQ(OfKind(out, ComponentKind::kTool).size(), 2u);  // not the commented-out one
  const Component* current = Find(out, ComponentKind::kTool, "get_current_weather");
  EXPECT_EQ(Prop(current, "aisec:tool:description"), "Current weather for a location");
  EXPECT_EQ(Prop(current, "aisec:tool:class"), "WeatherTool");
  EXPECT_EQ(Prop(Find(out, ComponentKind::kTool, "get_forecast"), "aisec:tool:description"),
            "Forecast for the next days");

  auto assistant = Agents("ruby/assistant.rb");
  const Component* concierge = Find(assistant, ComponentKind::kAgent, "concierge");
  ASSERT_NE(concierge, nullptr);
  EXPECT_EQ(Prop(concierge, "aisec:agent:tools"), "WeatherTool");
  EXPECT_TRUE(Related(assistant, concierge->Key(), "tool:WeatherTool"));
  ASSERT_EQ(OfKind(assistant, ComponentKind::kPrompt).size(), 1u);
  EXPECT_FALSE(Prop(concierge, "aisec:agent:prompt").empty());
}

TEST(AgentCodeRuby, OpenAiToolsAndNotAFormDsl) {
  auto out = Agents("ruby/openai_chat.rb");
  EXPECT_NE(Find(out, ComponentKind::kTool, "convert_currency"), nullptr);
  EXPECT_EQ(OfKind(out, ComponentKind::kPrompt).size(), 1u);
  EXPECT_TRUE(Agents("ruby/form_builder.rb").components.empty());
}

TEST(AgentCodeNotebook, CellsAreReadAndLocatedAtTheNotebookLine) {
  auto out = RunOn(code::NotebookCode, "notebooks/refunds.ipynb");
  const Component* agent = Find(out, ComponentKind::kAgent, "refunds");
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->evidence.at(0).location.path, "notebooks/refunds.ipynb");
  EXPECT_EQ(agent->evidence.at(0).location.line, 42u);
  EXPECT_EQ(Prop(agent, "aisec:agent:tools"), "check_refund_policy");
  const Component* tool = Find(out, ComponentKind::kTool, "check_refund_policy");
  ASSERT_NE(tool, nullptr);
  EXPECT_EQ(tool->evidence.at(0).location.line, 29u);
  auto prompts = OfKind(out, ComponentKind::kPrompt);
  ASSERT_EQ(prompts.size(), 1u);  // not the markdown cell's, not the commented-out one
  EXPECT_EQ(prompts[0]->evidence.at(0).location.line, 45u);
  EXPECT_EQ(OfKind(out, ComponentKind::kAgent).size(), 1u);
}

}  // namespace
}  // namespace aisec::catalog
