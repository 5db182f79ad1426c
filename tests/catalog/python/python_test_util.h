#pragma once
// Lookups shared by the Python cataloger tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/component.h"
#include "test_util.h"

namespace aisec::testing {

inline std::vector<const Component*> FindAll(const std::vector<Component>& cs,
                                             const std::string& name) {
  std::vector<const Component*> out;
  for (const auto& c : cs) {
    if (c.name == name) out.push_back(&c);
  }
  return out;
}

inline const Component* FindApp(const std::vector<Component>& cs) {
  for (const auto& c : cs) {
    if (c.kind == ComponentKind::kApplication) return &c;
  }
  return nullptr;
}

inline std::string Prop(const Component& c, const std::string& key) {
  auto it = c.properties.find(key);
  return it == c.properties.end() ? "" : it->second;
}

inline bool HasRelation(const std::vector<Relation>& rs, const std::string& from,
                        const std::string& to) {
  return std::any_of(rs.begin(), rs.end(), [&](const Relation& r) {
    return r.from == from && r.to == to && r.kind == RelationKind::kDependsOn;
  });
}

inline std::vector<uint32_t> WarningLines(const std::vector<Warning>& ws) {
  std::vector<uint32_t> out;
  for (const auto& w : ws) out.push_back(w.location.line);
  std::sort(out.begin(), out.end());
  return out;
}

// A file the cataloger could not read: no inventory, and exactly one warning, located at `line`.
inline void ExpectOnlyWarningAt(const CatalogOutput& out, uint32_t line,
                                const std::string& source) {
  EXPECT_TRUE(out.components.empty());
  EXPECT_TRUE(out.relations.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, line) << out.warnings[0].message;
  EXPECT_EQ(out.warnings[0].source, source);
  EXPECT_FALSE(out.warnings[0].location.path.empty());
}

}  // namespace aisec::testing
