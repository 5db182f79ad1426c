#pragma once
// Lookups the npm-family lock-file tests share: a lock file may hold one name at several versions.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "test_util.h"

namespace aisec::testing {

inline const Component* FindVersion(const CatalogOutput& out, const std::string& name,
                                    const std::string& version) {
  for (const auto& c : out.components) {
    if (c.name == name && c.version == version) return &c;
  }
  return nullptr;
}

inline bool Related(const CatalogOutput& out, const std::string& from, const std::string& to) {
  return std::find(out.relations.begin(), out.relations.end(), Relation{from, to}) != out.relations.end();
}

inline const Component* FindProject(const CatalogOutput& out) {
  for (const auto& c : out.components) {
    if (c.kind == ComponentKind::kApplication) return &c;
  }
  return nullptr;
}

// `aisec scan` of a fixture folder made by generate_locks.sh, whose workspace package
// packages/prompts declares "mustache": "^4.2.0": one mustache, the locked version, direct, seen
// in both files; the root's openai ("^4.67.0") is the locked one too.
inline void ExpectScanMergesWorkspace(const std::string& folder, const std::string& lock) {
  auto doc = ScanJson(Fixture("catalog/npm/" + folder));
  auto mustache = ComponentsNamed(doc, "mustache");
  ASSERT_EQ(mustache.size(), 1u);
  EXPECT_EQ(mustache[0]["version"], "4.2.0");
  EXPECT_EQ(mustache[0]["purl"], "pkg:npm/mustache@4.2.0");
  EXPECT_EQ(mustache[0]["version_spec"], "^4.2.0");
  EXPECT_EQ(mustache[0]["scope"], "direct");
  std::set<std::string> files;
  for (const auto& e : mustache[0]["evidence"]) files.insert(e["path"].get<std::string>());
  EXPECT_EQ(files, (std::set<std::string>{lock, "packages/prompts/package.json"}));
  auto openai = ComponentsNamed(doc, "openai");
  ASSERT_EQ(openai.size(), 1u);
  EXPECT_EQ(openai[0]["version"], "4.104.0");
  EXPECT_EQ(openai[0]["scope"], "direct");
}

}  // namespace aisec::testing
