// Agents, tools and prompts in the fixture app (tests/fixtures/catalog/code/agents).
#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

testing::CatalogOutput Agents(const std::string& file) {
  return testing::RunCataloger(code::AgentCode, testing::Fixture("catalog/code/agents"), file);
}

const Component* FindKind(const testing::CatalogOutput& out, ComponentKind kind,
                          const std::string& name) {
  for (const auto& c : out.components) {
    if (c.kind == kind && c.name == name) return &c;
  }
  return nullptr;
}

std::vector<const Component*> Prompts(const testing::CatalogOutput& out) {
  std::vector<const Component*> v;
  for (const auto& c : out.components) {
    if (c.kind == ComponentKind::kPrompt) v.push_back(&c);
  }
  return v;
}

bool Related(const testing::CatalogOutput& out, const std::string& from, const std::string& to) {
  for (const auto& r : out.relations) {
    if (r.from == from && r.to == to) return true;
  }
  return false;
}

TEST(AgentCode, LangGraphAgentWithToolsAndPromptVariable) {
  auto out = Agents("py/support_agent.py");
  const Component* agent = FindKind(out, ComponentKind::kAgent, "order-support");
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->properties.at("aisec:agent:framework"), "LangGraph");
  EXPECT_EQ(agent->properties.at("aisec:agent:tools"),
            "lookup_order,cancel,PythonREPLTool,WriteFileTool");
  EXPECT_EQ(agent->evidence.at(0).location.line, 28u);
  ASSERT_TRUE(agent->ai.has_value());
  EXPECT_EQ(agent->ai->category, "agent");

  const Component* lookup = FindKind(out, ComponentKind::kTool, "lookup_order");
  ASSERT_NE(lookup, nullptr);
  EXPECT_EQ(lookup->properties.at("aisec:tool:framework"), "LangChain");
  EXPECT_EQ(lookup->evidence.at(0).location.line, 15u);
  EXPECT_NE(FindKind(out, ComponentKind::kTool, "cancel_order"), nullptr);  // @tool("name")
  const Component* repl = FindKind(out, ComponentKind::kTool, "PythonREPLTool");
  ASSERT_NE(repl, nullptr);
  EXPECT_EQ(repl->properties.at("aisec:tool:capability"), "code");
  EXPECT_EQ(
      FindKind(out, ComponentKind::kTool, "WriteFileTool")->properties.at("aisec:tool:capability"),
      "file-write");
  EXPECT_TRUE(Related(out, agent->Key(), lookup->Key()));
  EXPECT_TRUE(Related(out, agent->Key(), repl->Key()));

  // The module-level prompt (two joined literals) and the SystemMessage; not the commented-out
  // agent's prompt, and not system="linux".
  auto prompts = Prompts(out);
  ASSERT_EQ(prompts.size(), 2u);
  const Component* sys = prompts[0]->evidence[0].location.line == 10 ? prompts[0] : prompts[1];
  EXPECT_EQ(sys->evidence[0].location.line, 10u);
  EXPECT_EQ(agent->properties.at("aisec:agent:prompt"), sys->Key());
  EXPECT_TRUE(Related(out, agent->Key(), sys->Key()));
  EXPECT_TRUE(sys->properties.at("aisec:prompt:preview")
                  .starts_with("You are the order support agent of Acme Shop."));
  EXPECT_NE(sys->properties.at("aisec:prompt:preview").find("never promise"),
            std::string::npos);  // joined
  EXPECT_EQ(sys->hashes.at(0).algorithm, "SHA-256");
  EXPECT_EQ(sys->name, "system-prompt-" + sys->hashes.at(0).value.substr(0, 12));
  for (const auto& c : out.components) {
    for (const auto& e : c.evidence) EXPECT_NE(e.location.line, 35u) << c.name;  // comment
    EXPECT_NE(c.name, "old_agent");
  }
}

TEST(AgentCode, FrameworksAndProviderSchemas) {
  auto crew = Agents("py/crew.py");
  const Component* researcher = FindKind(crew, ComponentKind::kAgent, "Researcher");
  ASSERT_NE(researcher, nullptr);
  EXPECT_EQ(researcher->properties.at("aisec:agent:framework"), "CrewAI");
  EXPECT_NE(FindKind(crew, ComponentKind::kTool, "Search the knowledge base"), nullptr);
  EXPECT_EQ(Prompts(crew).size(), 1u);  // backstory

  auto triage = Agents("py/triage.py");
  const Component* t = FindKind(triage, ComponentKind::kAgent, "Triage");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->properties.at("aisec:agent:framework"), "OpenAI Agents SDK");
  EXPECT_EQ(t->properties.at("aisec:agent:tools"), "refund");
  EXPECT_NE(FindKind(triage, ComponentKind::kTool, "refund"), nullptr);
  EXPECT_EQ(FindKind(triage, ComponentKind::kAgent, "Researcher"), nullptr);  // not CrewAI here

  auto raw = Agents("py/raw_calls.py");
  EXPECT_EQ(
      FindKind(raw, ComponentKind::kTool, "get_weather")->properties.at("aisec:tool:framework"),
      "OpenAI function calling");
  EXPECT_NE(FindKind(raw, ComponentKind::kTool, "get_stock"), nullptr);
  EXPECT_EQ(Prompts(raw).size(), 2u);  // role: system, and Anthropic system=

  auto mcp = Agents("py/mcp_server.py");
  const Component* server = FindKind(mcp, ComponentKind::kTool, "orders");
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->ai->category, "mcp");
  EXPECT_NE(FindKind(mcp, ComponentKind::kTool, "order_status"), nullptr);
}

TEST(AgentCode, TypeScriptAgentsToolsAndPrompts) {
  auto out = Agents("ts/assistant.ts");
  const Component* concierge = FindKind(out, ComponentKind::kAgent, "Concierge");
  ASSERT_NE(concierge, nullptr);
  EXPECT_EQ(concierge->properties.at("aisec:agent:framework"), "OpenAI Agents SDK");
  EXPECT_NE(FindKind(out, ComponentKind::kTool, "getWeather"), nullptr);
  auto prompts = Prompts(out);
  EXPECT_EQ(prompts.size(), 3u);  // SYSTEM_PROMPT, the joined instructions, the system message
  bool joined = false;
  for (const auto* p : prompts) {
    joined = joined || p->properties.at("aisec:prompt:preview") ==
                           "Answer hotel questions and never share other guests' details.";
  }
  EXPECT_TRUE(joined);
  EXPECT_TRUE(Related(out, concierge->Key(), concierge->properties.at("aisec:agent:prompt")));
  EXPECT_EQ(FindKind(out, ComponentKind::kAgent, "Legacy"), nullptr);  // commented out
}

TEST(AgentCode, PromptNamedByAnyVariable) {
  testing::TempDir dir;
  dir.Write("bot.py",
            "from agents import Agent\nGUIDE = (\n    \"Answer refund questions only, \"\n    "
            "\"and politely.\"\n)\n"
            "bot = Agent(name=\"Refunds\", instructions=GUIDE)\nother = Agent(name=\"Other\", "
            "instructions=MISSING)\n");
  auto out = testing::RunCataloger(code::AgentCode, dir.path(), "bot.py");
  const Component* bot = FindKind(out, ComponentKind::kAgent, "Refunds");
  ASSERT_NE(bot, nullptr);
  auto prompts = Prompts(out);
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_EQ(prompts[0]->evidence.at(0).location.line, 3u);
  EXPECT_EQ(prompts[0]->properties.at("aisec:prompt:preview"),
            "Answer refund questions only, and politely.");
  EXPECT_EQ(bot->properties.at("aisec:agent:prompt"), prompts[0]->Key());
  EXPECT_EQ(FindKind(out, ComponentKind::kAgent, "Other")->properties.count("aisec:agent:prompt"),
            0u);
}

TEST(AgentCode, JavaAndCSharpPrompts) {
  testing::TempDir dir;
  dir.Write(
      "Assistant.java",
      "interface Assistant {\n  @SystemMessage(\"You are a polite bank assistant.\")\n"
      "  String chat(String m);\n}\n// @SystemMessage(\"You are an old commented prompt.\")\n");
  dir.Write("Host.cs", "history.AddSystemMessage(\"You recommend dishes from today's menu.\");\n");
  for (const auto& [file, line] : {std::pair{"Assistant.java", 2u}, std::pair{"Host.cs", 1u}}) {
    auto out = testing::RunCataloger(code::AgentCode, dir.path(), file);
    auto prompts = Prompts(out);
    ASSERT_EQ(prompts.size(), 1u) << file;
    EXPECT_EQ(prompts[0]->evidence.at(0).location.line, line) << file;
  }
}

TEST(AgentCode, MalformedSourceIsReadWithoutHarm) {
  testing::TempDir dir;
  dir.Write("unterminated.py",
            "agent = create_react_agent(llm, tools=[search, prompt=\"You are a never ending");
  dir.Write("deep.py", "x = create_react_agent(" + std::string(5000, '[') + "\n");
  dir.Write("binary.ts", std::string("const a = new Agent({ name: \"\xff\xfe\", instructions: "
                                     "\"\x80\x81 broken text here ok\" "));
  for (const char* f : {"unterminated.py", "deep.py", "binary.ts"}) {
    auto out = testing::RunCataloger(code::AgentCode, dir.path(), f);
    EXPECT_LE(out.components.size(), 3u) << f;
  }
  auto out = testing::RunCataloger(code::AgentCode, dir.path(), "unterminated.py");
  ASSERT_NE(FindKind(out, ComponentKind::kAgent, "agent"), nullptr);
}

// Found by the fuzz target: a role that is nothing but invalid UTF-8 left the agent nameless.
TEST(AgentCode, InvalidUtf8NameFallsBackToTheLocation) {
  testing::TempDir dir;
  dir.Write("crew.py", "from crewai import Agent\n"
                       "a = Agent(role=\"\xa9\xa9\xff\xff\", goal=\"triage\")\n");
  auto out = testing::RunCataloger(code::AgentCode, dir.path(), "crew.py");
  EXPECT_NE(FindKind(out, ComponentKind::kAgent, "crew.py:2"), nullptr);
  for (const auto& c : out.components) EXPECT_FALSE(c.name.empty());
}

}  // namespace
}  // namespace aisec::catalog
