// Detection quality of shadow-AI discovery over a fixture repository written for it
// (tests/fixtures/shadow): every expected AI component is found with its file, nothing else AI
// is reported, and the lines that must stay silent do. Prints recall and precision.
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

TEST(DetectionQuality, ShadowFixtureRecallAndPrecision) {
  auto root = testing::Fixture("shadow");
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
  std::printf("shadow-AI detection: recall %.3f (%zu/%zu), precision %.3f (%zu/%zu)\n", recall, found,
              expected.size(), precision, true_positive, reported);
}

}  // namespace
}  // namespace aisec
