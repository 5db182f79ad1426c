// Cargo.toml (https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html): the
// package (the project) and its [dependencies], [dev-dependencies] and [build-dependencies], also
// per target ([target.'cfg(unix)'.dependencies]), and the workspace's shared
// [workspace.dependencies]. A bare version ("1.2") is a caret range, so only "=1.2.3" is exact.
// A member's `dep = { workspace = true }` and `version.workspace = true` take what the workspace
// root (workspace.h) declares.
#include <toml++/toml.h>

#include "catalog/cargo/crate.h"
#include "catalog/cargo/workspace.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::cargo {
namespace {

constexpr std::string_view kSource = "cargo/cargo-toml";
constexpr size_t kMaxDependencies = 100000;

enum class Group : uint8_t { kNormal, kDev, kBuild, kWorkspace };

struct GroupKey {
  std::string_view key;
  Group group;
};
constexpr GroupKey kGroups[] = {{"dependencies", Group::kNormal},
                                {"dev-dependencies", Group::kDev},
                                {"dev_dependencies", Group::kDev},
                                {"build-dependencies", Group::kBuild},
                                {"build_dependencies", Group::kBuild}};

std::string StringAt(const toml::table& t, std::string_view key) {
  return t[key].value_or(std::string());
}

uint32_t LineOf(const toml::source_region& source) { return source.begin.line; }

// "=1.2.3" pins one version; anything else ("1.2", "^1", ">=1, <2", "*") is a range.
std::string ExactVersion(std::string_view spec) {
  spec = Trim(spec);
  if (!spec.starts_with('=')) return {};
  std::string_view v = Trim(spec.substr(1));
  if (v.empty() || v.find_first_of(",<>=~^* ") != std::string_view::npos) return {};
  return std::string(v);
}

// [package] license (an SPDX expression) or license-file (a path to a non-standard licence text);
// `license.workspace = true` takes the workspace's [workspace.package] license.
std::vector<std::string> PackageLicenses(const toml::table& package, const toml::table* workspace) {
  toml::node_view<const toml::node> pkg(package);
  if (pkg["license"]["workspace"].value_or(false) && workspace) pkg = (*workspace)["package"];
  if (auto s = pkg["license"].value<std::string>(); s && !Trim(*s).empty()) return {Snippet(*s, 200)};
  if (pkg["license-file"]) return {"LicenseRef-see-license-file"};
  return {};
}

class Manifest {
 public:
  Manifest(Context& ctx, std::string_view text) : ctx_(ctx), lines_(text) {}

  void Read(const toml::table& doc) {
    const toml::table* package = doc["package"].as_table();
    const toml::table* workspace = doc["workspace"].as_table();
    if (package && !workspace) root_ = FindWorkspaceRoot(ctx_);
    const toml::table* inherited = workspace ? workspace : root_ ? root_->workspace() : nullptr;
    if (inherited) workspace_deps_ = (*inherited)["dependencies"].as_table();
    if (package) {
      std::string name = StringAt(*package, "name");
      if (name.empty()) ctx_.Warn(LineOf(package->source()), "[package] has no name", kSource);
      Component project = MakeCargoProject(
          ctx_, name, PackageVersion(*package, inherited),
          Evidence{Location{ctx_.path(), LineOf(package->source())}, "[package]", EvidenceMethod::kManifest});
      project.licenses = PackageLicenses(*package, inherited);
      project_key_ = project.Key();
      ctx_.sink().Add(std::move(project));
    } else if (!workspace) {
      ctx_.Warn(1, "neither [package] nor [workspace]", kSource);
    }
    ReadGroups(doc, "");
    if (const toml::table* targets = doc["target"].as_table()) {
      for (auto&& [spec, node] : *targets) {
        if (const toml::table* t = node.as_table()) ReadGroups(*t, spec.str());
      }
    }
    if (workspace) {
      if (const toml::table* deps = (*workspace)["dependencies"].as_table()) {
        ReadTable(*deps, Group::kWorkspace, "");
      }
    }
  }

 private:
  // version = "1.0" or version.workspace = true (inherited from [workspace.package]).
  static std::string PackageVersion(const toml::table& package, const toml::table* workspace) {
    if (auto v = package["version"].value<std::string>()) return *v;
    if (workspace) return (*workspace)["package"]["version"].value_or(std::string());
    return {};
  }

  void ReadGroups(const toml::table& t, std::string_view target) {
    for (const auto& g : kGroups) {
      const toml::node* node = t.get(g.key);
      if (node == nullptr) continue;
      if (const toml::table* deps = node->as_table()) {
        ReadTable(*deps, g.group, target);
      } else {
        ctx_.Warn(LineOf(node->source()), std::string(g.key) + " is not a table", kSource);
      }
    }
  }

  void ReadTable(const toml::table& deps, Group group, std::string_view target) {
    for (auto&& [key, node] : deps) {
      uint32_t line = LineOf(key.source());
      if (++count_ > kMaxDependencies) {
        if (count_ == kMaxDependencies + 1) ctx_.Warn(line, "too many dependencies; the rest are skipped", kSource);
        return;
      }
      Evidence ev{Location{ctx_.path(), line}, Snippet(lines_.LineText(line)), EvidenceMethod::kManifest};
      std::optional<Component> c;
      if (auto spec = node.value<std::string>()) {
        c = Crate(key.str(), *spec, std::move(ev), group);
      } else if (const toml::table* t = node.as_table()) {
        c = DetailedCrate(key.str(), Inherited(key.str(), *t), std::move(ev), group);
      } else {
        ctx_.Warn(line, "dependency " + std::string(key.str()) + " is neither a version nor a table", kSource);
        continue;
      }
      if (!target.empty()) c->properties["aisec:target"] = std::string(target);
      if (group != Group::kWorkspace && !project_key_.empty()) ctx_.sink().Relate(project_key_, c->Key());
      ctx_.sink().Add(std::move(*c));
    }
  }

  // A member's `{ workspace = true, features = [...], optional = true }` is the workspace's
  // entry of that name (a version or a table), with the member's features added.
  toml::table Inherited(std::string_view key, const toml::table& t) const {
    if (!t["workspace"].value_or(false) || workspace_deps_ == nullptr) return t;
    const toml::node* entry = workspace_deps_->get(key);
    if (entry == nullptr) return t;
    toml::table out;
    if (auto version = entry->value<std::string>()) {
      out.insert("version", *version);
    } else if (const toml::table* table = entry->as_table()) {
      out = *table;
    }
    for (auto&& [k, v] : t) {
      const toml::array* more = v.as_array();
      toml::array* have = out[k.str()].as_array();
      if (k.str() == "features" && more && have) {
        for (const auto& f : *more) have->push_back(f);
      } else {
        out.insert_or_assign(k.str(), v);
      }
    }
    return out;
  }

  static Component Crate(std::string_view name, std::string_view spec, Evidence ev, Group group) {
    std::string exact = ExactVersion(spec);
    Component c = MakeCrate(name, exact, Trim(spec), std::move(ev),
                            group == Group::kWorkspace ? Scope::kDeclared : Scope::kDirect);
    c.dev = group == Group::kDev;
    if (group == Group::kBuild) c.properties["aisec:build"] = "true";
    if (group == Group::kWorkspace) c.properties["aisec:workspace-dependency"] = "true";
    return c;
  }

  // { version = "1", package = "real-name", git = "…", branch = "…", path = "…", features = […],
  //   optional = true, workspace = true, registry = "…" }
  static Component DetailedCrate(std::string_view key, const toml::table& t, Evidence ev, Group group) {
    std::string name = StringAt(t, "package");
    Component c = Crate(name.empty() ? key : name, StringAt(t, "version"), std::move(ev), group);
    if (!name.empty() && name != key) c.properties["aisec:alias"] = std::string(key);
    if (std::string git = StringAt(t, "git"); !git.empty()) {
      c.properties["aisec:source"] = "git";
      c.properties["aisec:url"] = git;
      for (std::string_view ref : {"branch", "tag", "rev"}) {
        if (std::string v = StringAt(t, ref); !v.empty()) c.properties["aisec:git-ref"] = std::string(ref) + '=' + v;
      }
    } else if (std::string path = StringAt(t, "path"); !path.empty()) {
      c.properties["aisec:source"] = "path";
      c.properties["aisec:path"] = path;
      c.purl.clear();  // a local crate, not the crates.io one of that name
    }
    if (t["workspace"].value_or(false)) c.properties["aisec:workspace"] = "true";
    if (t["optional"].value_or(false)) c.properties["aisec:optional"] = "true";
    if (std::string registry = StringAt(t, "registry"); !registry.empty()) c.properties["aisec:registry"] = registry;
    if (const toml::array* features = t["features"].as_array()) {
      std::vector<std::string> names;
      for (const auto& f : *features) {
        if (auto s = f.value<std::string>()) names.push_back(*s);
      }
      if (!names.empty()) c.properties["aisec:features"] = Join(names, ",");
    }
    return c;
  }

  Context& ctx_;
  LineIndex lines_;
  std::string project_key_;
  std::optional<WorkspaceRoot> root_;  // a member's workspace, when it is not its own root
  const toml::table* workspace_deps_ = nullptr;  // [workspace.dependencies] members inherit
  size_t count_ = 0;
};

}  // namespace

void CargoToml(Context& ctx) {
  auto doc = python::LoadToml(ctx, kSource);
  if (doc) Manifest(ctx, *python::LoadText(ctx, kSource)).Read(*doc);
}

}  // namespace aisec::catalog::cargo
