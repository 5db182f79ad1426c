// An agent handed a tool class relates to that class's tools, across files
// (tests/fixtures/catalog/code/agents: the Java planner and WeatherTools.java, Ruby's concierge).
#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "scan/merge.h"
#include "test_util.h"

namespace aisec {
namespace {

std::string KeyOf(ComponentKind kind, const std::string& name) {
  Component c;
  c.kind = kind;
  c.name = name;
  return c.Key();
}

bool Related(const std::vector<Relation>& rs, const std::string& from, const std::string& to) {
  for (const auto& r : rs) {
    if (r.from == from && r.to == to) return true;
  }
  return false;
}

TEST(LinkToolClasses, AgentReachesTheToolsOfTheClassItIsHanded) {
  auto r = Scan({.root = testing::Fixture("catalog/code/agents"), .excludes = {"expected.yaml"}});
  ASSERT_TRUE(r.ok());
  const auto& rs = r->relations;
  std::string planner = KeyOf(ComponentKind::kAgent, "planner");
  EXPECT_TRUE(Related(rs, planner, KeyOf(ComponentKind::kTool, "forecast")));
  EXPECT_TRUE(Related(rs, planner, KeyOf(ComponentKind::kTool, "convert_temperature")));
  EXPECT_FALSE(Related(rs, planner, KeyOf(ComponentKind::kTool, "set_alarm")));
  EXPECT_TRUE(Related(rs, KeyOf(ComponentKind::kAgent, "chatClient"),
                      KeyOf(ComponentKind::kTool, "set_alarm")));
  EXPECT_TRUE(Related(rs, KeyOf(ComponentKind::kAgent, "concierge"),
                      KeyOf(ComponentKind::kTool, "get_forecast")));
  EXPECT_TRUE(Related(rs, KeyOf(ComponentKind::kAgent, "calculator"),
                      KeyOf(ComponentKind::kTool, "subtract")));
  EXPECT_TRUE(Related(rs, KeyOf(ComponentKind::kAgent, "researcher"),
                      KeyOf(ComponentKind::kTool, "city_weather")));
}

TEST(LinkToolClasses, ARelationToAComponentIsLeftAlone) {
  Component tool;
  tool.kind = ComponentKind::kTool;
  tool.name = "now";
  tool.properties["aisec:tool:class"] = "Clock";
  Component clock;
  clock.kind = ComponentKind::kTool;
  clock.name = "Clock";  // a tool named like the class is itself the target
  std::vector<Relation> rs = {{"agent:a", clock.Key(), RelationKind::kDependsOn}};
  scan::LinkToolClasses({tool, clock}, rs);
  EXPECT_EQ(rs.size(), 1u);
  scan::LinkToolClasses({tool}, rs);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[1].to, tool.Key());
}

}  // namespace
}  // namespace aisec
