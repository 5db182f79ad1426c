#pragma once
// Lookups the npm-family lock-file tests share: a lock file may hold one name at several versions.
#include <algorithm>
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

}  // namespace aisec::testing
