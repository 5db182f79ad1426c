#pragma once
// Dependencies written as `name = value` in TOML, shared by Poetry ([tool.poetry.dependencies]
// and its groups) and Pipfile ([packages], [dev-packages]). The value is a version string
// ("^1.2", "~=1.2", ">=1,<2", "1.2.3", "*"), a table (version, extras, markers, optional, git
// with branch/tag/rev/ref, path, url, source/index, develop/editable, python), or — Poetry only
// — an array of such tables for per-marker constraints.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/python/pep508.h"

namespace toml {
inline namespace v3 {
class node;
}
}  // namespace toml

namespace aisec::catalog::python {

struct TableDependency {
  Requirement req;  // specifier holds the constraint as written; a bare version becomes "==v"
  bool optional = false;
  uint32_t line = 0;
  std::map<std::string, std::string> properties;  // aisec:git-ref, aisec:path, aisec:index, …
};

// Reads one dependency value. Each returned entry is one constraint (one per array element).
// Values of another type are skipped and described in `errors` with their line.
std::vector<TableDependency> ReadTableDependency(
    std::string_view name, const toml::node& value,
    std::vector<std::pair<uint32_t, std::string>>& errors);

// A kDirect pypi component for one entry, located in `path`. `snippet` is the source line.
Component MakeTableComponent(const TableDependency& dep, const std::string& path,
                             std::string_view snippet);

}  // namespace aisec::catalog::python
