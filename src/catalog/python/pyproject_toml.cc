// pyproject.toml: PEP 621 [project] dependencies and optional-dependencies, PEP 735
// [dependency-groups] (with {include-group = "..."} resolved), uv's [tool.uv] dev-dependencies,
// PDM's [tool.pdm.dev-dependencies], and Poetry's [tool.poetry.dependencies],
// [tool.poetry.dev-dependencies] and [tool.poetry.group.<name>.dependencies].
// Groups other than the main dependencies are development-only (dev = true, aisec:group);
// optional dependencies carry aisec:extra.
#include <toml++/toml.h>

#include <functional>
#include <map>
#include <set>

#include "catalog/python/dependency_table.h"
#include "catalog/python/load.h"
#include "catalog/python/pep508.h"
#include "catalog/python/project.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/pyproject";
constexpr int kMaxGroupDepth = 32;

using Properties = std::map<std::string, std::string>;

class PyprojectReader {
 public:
  PyprojectReader(Context& ctx, std::string_view text) : ctx_(ctx), lines_(text) {}

  void Read(const toml::table& doc) {
    if (const toml::table* project = doc["project"].as_table()) ReadPep621(*project);
    if (const toml::table* groups = doc["dependency-groups"].as_table()) ReadGroups(*groups);
    if (const toml::array* uv =
            Array(doc["tool"]["uv"]["dev-dependencies"], "[tool.uv] dev-dependencies")) {
      ReadPep508List(*uv, true, {{"aisec:group", "dev"}});
    }
    if (const toml::table* pdm = doc["tool"]["pdm"]["dev-dependencies"].as_table()) {
      for (const auto& [group, list] : *pdm) {
        if (const toml::array* a = Array(toml::node_view(list), "[tool.pdm.dev-dependencies]")) {
          ReadPep508List(*a, true, {{"aisec:group", std::string(group.str())}});
        }
      }
    }
    if (const toml::table* poetry = doc["tool"]["poetry"].as_table()) ReadPoetry(*poetry);
  }

  void Finish(const toml::table& doc) {
    ProjectInfo info;
    const toml::node_view<const toml::node> named =
        doc["project"]["name"] ? doc["project"] : doc["tool"]["poetry"];
    if (auto name = named["name"].value<std::string>()) {
      info.name = *name;
      info.line = named["name"].node()->source().begin.line;
      info.version = named["version"].value_or(std::string());
    }
    info.licenses = Licenses(doc["project"]);
    if (info.licenses.empty()) info.licenses = Licenses(doc["tool"]["poetry"]);
    EmitProject(ctx_, info, std::move(deps_));
  }

 private:
  // PEP 639 `license = "<SPDX expression>"` (Poetry's `license` too); the older PEP 621 table
  // `{text = "..."}`, or `{file = "..."}` / `license-files` that only point at a licence text.
  static std::vector<std::string> Licenses(toml::node_view<const toml::node> table) {
    if (auto s = table["license"].value<std::string>(); s && !Trim(*s).empty()) return {Snippet(*s, 200)};
    if (auto s = table["license"]["text"].value<std::string>(); s && !Trim(*s).empty()) {
      return {Snippet(*s, 200)};
    }
    if (table["license"]["file"] || table["license-files"]) return {"LicenseRef-see-license-file"};
    return {};
  }

  const toml::array* Array(toml::node_view<const toml::node> v, std::string_view what) {
    if (!v) return nullptr;
    if (const toml::array* a = v.as_array()) return a;
    Warn(v.node()->source().begin.line, std::string(what) + " is not an array");
    return nullptr;
  }

  void Warn(uint32_t line, std::string message) { ctx_.Warn(line, std::move(message), kSource); }

  Evidence At(uint32_t line) {
    return Evidence{Location{ctx_.path(), line, 0, 0}, Snippet(lines_.LineText(line)),
                    EvidenceMethod::kManifest};
  }

  // One PEP 508 string. PDM's "-e <url>#egg=name" editable entries are read by their egg name.
  void ReadPep508(const toml::node& element, bool dev, const Properties& props) {
    uint32_t line = element.source().begin.line;
    auto text = element.value<std::string>();
    if (!text) {
      Warn(line, "dependency is not a string");
      return;
    }
    std::optional<Requirement> req;
    if (text->starts_with("-e ")) {
      std::string egg = EggName(*text);
      if (egg.empty()) return;  // a local editable path names no package
      req = Requirement{.name = egg, .url = std::string(Trim(text->substr(3)))};
    } else {
      req = ParseRequirement(*text);
    }
    if (!req) {
      Warn(line, "cannot parse requirement: " + Snippet(*text, 80));
      return;
    }
    Component c = MakePypiComponent(*req, At(line), Scope::kDirect);
    c.dev = dev;
    for (const auto& [k, v] : props) c.properties[k] = v;
    deps_.push_back(std::move(c));
  }

  void ReadPep508List(const toml::array& list, bool dev, const Properties& props) {
    for (const auto& element : list) ReadPep508(element, dev, props);
  }

  void ReadPep621(const toml::table& project) {
    if (const toml::array* deps = Array(project["dependencies"], "[project] dependencies")) {
      ReadPep508List(*deps, false, {});
    }
    if (const toml::table* optional = project["optional-dependencies"].as_table()) {
      for (const auto& [extra, list] : *optional) {
        if (const toml::array* a =
                Array(toml::node_view(list), "[project.optional-dependencies]")) {
          ReadPep508List(*a, false, {{"aisec:extra", std::string(extra.str())}});
        }
      }
    }
  }

  void ReadGroups(const toml::table& groups);
  void ReadPoetry(const toml::table& poetry);
  void ReadPoetryDeps(const toml::table& deps, bool dev, const std::string& group,
                      const std::map<std::string, std::string>& extras);

  Context& ctx_;
  LineIndex lines_;
  std::vector<Component> deps_;
};

// PEP 735: a group lists requirement strings and {include-group = "name"} tables. Each
// requirement is emitted once, with every group that includes it (directly or not) in aisec:group.
void PyprojectReader::ReadGroups(const toml::table& groups) {
  std::map<std::string, const toml::array*> by_name;  // PEP 735 names compare normalised
  for (const auto& [name, list] : groups) {
    if (const toml::array* a = Array(toml::node_view(list), "[dependency-groups]")) {
      by_name[NormalizePackageName("pypi", name.str())] = a;
    }
  }
  std::vector<const toml::node*> order;
  std::map<const toml::node*, std::vector<std::string>> member_of;
  std::set<const toml::node*> warned;
  std::function<void(const toml::array&, const std::string&, std::set<std::string>&)> expand =
      [&](const toml::array& list, const std::string& group, std::set<std::string>& path) {
        for (const auto& element : list) {
          const toml::table* inc = element.as_table();
          if (!inc) {
            auto& groups_of = member_of[&element];
            if (groups_of.empty()) order.push_back(&element);
            if (std::find(groups_of.begin(), groups_of.end(), group) == groups_of.end()) {
              groups_of.push_back(group);
            }
            continue;
          }
          std::string target =
              NormalizePackageName("pypi", (*inc)["include-group"].value_or(std::string()));
          auto it = by_name.find(target);
          std::string problem =
              it == by_name.end()             ? "unknown dependency group '" + target + "'"
              : path.count(target)            ? "dependency group cycle through '" + target + "'"
              : path.size() >= kMaxGroupDepth ? "dependency groups nested too deeply"
                                              : "";
          if (!problem.empty()) {
            if (warned.insert(&element).second) Warn(element.source().begin.line, problem);
            continue;
          }
          path.insert(target);
          expand(*it->second, group, path);
          path.erase(target);
        }
      };
  for (const auto& [name, list] : groups) {
    const toml::array* a = list.as_array();
    if (!a) continue;
    std::string group = NormalizePackageName("pypi", name.str());
    std::set<std::string> path{group};
    expand(*a, group, path);
  }
  for (const toml::node* element : order) {
    ReadPep508(*element, true, {{"aisec:group", Join(member_of[element], ",")}});
  }
}

void PyprojectReader::ReadPoetry(const toml::table& poetry) {
  // [tool.poetry.extras] names which optional dependencies each extra installs.
  std::map<std::string, std::string> extras;
  if (const toml::table* ex = poetry["extras"].as_table()) {
    for (const auto& [extra, list] : *ex) {
      const toml::array* a = list.as_array();
      if (!a) continue;
      for (const auto& pkg : *a) {
        if (auto s = pkg.value<std::string>()) {
          std::string& e = extras[NormalizePackageName("pypi", *s)];
          e += (e.empty() ? "" : ",") + std::string(extra.str());
        }
      }
    }
  }
  if (const toml::table* deps = poetry["dependencies"].as_table())
    ReadPoetryDeps(*deps, false, "", extras);
  if (const toml::table* deps = poetry["dev-dependencies"].as_table())
    ReadPoetryDeps(*deps, true, "dev", extras);
  if (const toml::table* groups = poetry["group"].as_table()) {
    for (const auto& [name, group] : *groups) {
      if (const toml::table* deps =
              group.as_table() ? (*group.as_table())["dependencies"].as_table() : nullptr) {
        ReadPoetryDeps(*deps, true, std::string(name.str()), extras);
      }
    }
  }
}

void PyprojectReader::ReadPoetryDeps(const toml::table& deps, bool dev, const std::string& group,
                                     const std::map<std::string, std::string>& extras) {
  for (const auto& [key, value] : deps) {
    std::string_view name = key.str();
    if (IEquals(name, "python")) continue;  // the interpreter constraint, not a package
    std::vector<std::pair<uint32_t, std::string>> errors;
    for (const auto& dep : ReadTableDependency(name, value, errors)) {
      Component c = MakeTableComponent(dep, ctx_.path(), lines_.LineText(dep.line));
      c.dev = dev;
      if (!group.empty()) c.properties["aisec:group"] = group;
      if (auto it = extras.find(c.name); it != extras.end())
        c.properties["aisec:extra"] = it->second;
      deps_.push_back(std::move(c));
    }
    for (auto& [line, message] : errors) Warn(line, std::move(message));
  }
}

}  // namespace

void PyprojectToml(Context& ctx) {
  auto doc = LoadToml(ctx, kSource);
  if (!doc) return;
  PyprojectReader reader(ctx, *ctx.Text());
  reader.Read(*doc);
  reader.Finish(*doc);
}

}  // namespace aisec::catalog::python
