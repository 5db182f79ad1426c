#include "catalog/python/dependency_table.h"

#include <toml++/toml.h>

#include <cctype>

#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

// "*" is any version; a bare "1.2.3" is an exact pin in Poetry; caret, tilde, ranges and
// alternatives stay as written.
std::string ConstraintText(std::string_view v) {
  v = Trim(v);
  if (v.empty() || v == "*") return {};
  bool bare = std::isdigit(static_cast<unsigned char>(v.front())) &&
              v.find_first_of(" ,*|<>=!~^") == std::string_view::npos;
  return bare ? "==" + std::string(v) : std::string(v);
}

std::string StringAt(const toml::table& t, std::string_view key) {
  if (auto v = t[key].value<std::string>()) return *v;
  return {};
}

// The table form: { version = "...", extras = [...], git = "...", ... }.
void ReadTable(const toml::table& t, TableDependency& dep) {
  dep.req.specifier = ConstraintText(StringAt(t, "version"));
  if (const toml::array* extras = t["extras"].as_array()) {
    for (const auto& e : *extras) {
      if (auto s = e.value<std::string>()) dep.req.extras.push_back(*s);
    }
  }
  dep.req.marker = StringAt(t, "markers");
  dep.optional = t["optional"].value_or(false);
  if (std::string git = StringAt(t, "git"); !git.empty()) {
    dep.req.url = git;
    for (std::string_view k : {"rev", "tag", "branch", "ref"}) {
      if (std::string ref = StringAt(t, k); !ref.empty()) dep.properties["aisec:git-ref"] = ref;
    }
  }
  if (std::string url = StringAt(t, "url"); !url.empty()) dep.req.url = url;
  if (std::string path = StringAt(t, "path"); !path.empty()) dep.properties["aisec:path"] = path;
  for (std::string_view k : {"source", "index"}) {
    if (std::string idx = StringAt(t, k); !idx.empty()) dep.properties["aisec:index"] = idx;
  }
  if (t["develop"].value_or(false) || t["editable"].value_or(false)) {
    dep.properties["aisec:editable"] = "true";
  }
  if (std::string py = StringAt(t, "python"); !py.empty()) dep.properties["aisec:python"] = py;
}

bool ReadOne(std::string_view name, const toml::node& value, TableDependency& dep) {
  dep.req.name = std::string(name);
  dep.line = value.source().begin.line;
  if (auto s = value.value<std::string>()) {
    dep.req.specifier = ConstraintText(*s);
    return true;
  }
  if (const toml::table* t = value.as_table()) {
    ReadTable(*t, dep);
    return true;
  }
  return false;
}

}  // namespace

std::vector<TableDependency> ReadTableDependency(
    std::string_view name, const toml::node& value,
    std::vector<std::pair<uint32_t, std::string>>& errors) {
  std::vector<TableDependency> out;
  auto read = [&](const toml::node& v) {
    TableDependency dep;
    if (ReadOne(name, v, dep)) {
      out.push_back(std::move(dep));
    } else {
      errors.emplace_back(v.source().begin.line, "dependency '" + std::string(name) +
                                                     "' is neither a version nor a table");
    }
  };
  if (const toml::array* arr = value.as_array()) {
    for (const auto& v : *arr) read(v);
  } else {
    read(value);
  }
  return out;
}

Component MakeTableComponent(const TableDependency& dep, const std::string& path,
                             std::string_view snippet) {
  Evidence ev{Location{path, dep.line, 0, 0}, Snippet(snippet), EvidenceMethod::kManifest};
  Component c = MakePypiComponent(dep.req, std::move(ev), Scope::kDirect);
  for (const auto& [k, v] : dep.properties) c.properties[k] = v;
  if (dep.optional) c.properties["aisec:optional"] = "true";
  return c;
}

}  // namespace aisec::catalog::python
