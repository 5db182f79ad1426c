// Detection quality over fixture repositories written for it (tests/fixtures/shadow for shadow-AI
// discovery, tests/fixtures/catalog/code/agents for agents, tools and system prompts): every
// expected AI component is found with its file, nothing else AI is reported, and the lines that
// must stay silent do. Prints recall and precision.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <set>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

struct Expected {
  std::string kind, name, ecosystem, path;
};

bool Matches(const Component& c, const Expected& e) {
  if (ComponentKindName(c.kind) != e.kind || c.name != e.name) return false;
  if (!e.ecosystem.empty() && c.ecosystem != e.ecosystem) return false;
  for (const auto& ev : c.evidence) {
    if (ev.location.path == e.path) return true;
  }
  return false;
}

void CheckFixture(const std::string& fixture, const char* label) {
  auto root = testing::Fixture(fixture);
  YAML::Node spec = YAML::LoadFile((root / "expected.yaml").string());
  std::vector<Expected> expected;
  for (const auto& e : spec["expected"]) {
    expected.push_back({e["kind"].as<std::string>(), e["name"].as<std::string>(),
                        e["ecosystem"] ? e["ecosystem"].as<std::string>() : "", e["path"].as<std::string>()});
  }
  auto r = Scan({.root = root, .excludes = {"expected.yaml"}});
  ASSERT_TRUE(r.ok());
  size_t found = 0;
  for (const auto& e : expected) {
    bool hit = false;
    for (const auto& c : r->components) hit = hit || Matches(c, e);
    EXPECT_TRUE(hit) << "missed " << e.kind << " " << e.name << " in " << e.path;
    found += hit;
  }
  size_t reported = 0, true_positive = 0;
  for (const auto& c : r->components) {
    if (!c.ai) continue;
    ++reported;
    bool expected_component = false;
    for (const auto& e : expected) {
      expected_component = expected_component || (ComponentKindName(c.kind) == e.kind && c.name == e.name &&
                                                  (e.ecosystem.empty() || e.ecosystem == c.ecosystem));
    }
    EXPECT_TRUE(expected_component) << "unexpected " << ComponentKindName(c.kind) << " " << c.name << " at "
                                    << (c.evidence.empty() ? "" : c.evidence[0].location.ToString());
    true_positive += expected_component;
  }
  for (const auto& s : spec["silent"]) {
    std::string path = s["path"].as<std::string>();
    uint32_t line = s["line"].as<uint32_t>();
    for (const auto& c : r->components) {
      for (const auto& ev : c.evidence) {
        EXPECT_FALSE(ev.location.path == path && ev.location.line == line)
            << c.name << " reported from silent line " << path << ":" << line;
      }
    }
  }
  double recall = expected.empty() ? 1 : static_cast<double>(found) / static_cast<double>(expected.size());
  double precision = reported == 0 ? 1 : static_cast<double>(true_positive) / static_cast<double>(reported);
  std::printf("%s detection: recall %.3f (%zu/%zu), precision %.3f (%zu/%zu)\n", label, recall, found,
              expected.size(), precision, true_positive, reported);
}

TEST(DetectionQuality, ShadowFixtureRecallAndPrecision) { CheckFixture("shadow", "shadow-AI"); }

TEST(DetectionQuality, AgentsFixtureRecallAndPrecision) {
  CheckFixture("catalog/code/agents", "agents, tools and prompts");
}

}  // namespace
}  // namespace aisec
