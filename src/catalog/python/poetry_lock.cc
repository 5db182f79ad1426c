// poetry.lock (TOML): one [[package]] per locked distribution with name, version, the group it
// belongs to (`category = "dev"` before Poetry 1.5, `groups = [...]` in lock format 2.1), its
// [package.dependencies] (the graph), [package.source] for git and private indexes, and the
// artifact hashes in `files` (or, in old locks, [metadata.files]). Every entry is kTransitive.
#include <toml++/toml.h>

#include <map>

#include "catalog/python/load.h"
#include "catalog/python/pep508.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/poetry-lock";

void AddFileHashes(const toml::array* files, Component& c) {
  if (!files) return;
  for (const auto& f : *files) {
    const toml::table* t = f.as_table();
    if (!t) continue;
    if (auto h = (*t)["hash"].value<std::string>()) {
      if (auto hash = ParseHashSpec(*h)) c.hashes.push_back(std::move(*hash));
    }
  }
}

bool IsDev(const toml::table& pkg) {
  if (pkg["category"].value_or(std::string()) == "dev") return true;
  const toml::array* groups = pkg["groups"].as_array();
  if (!groups || groups->empty()) return false;
  for (const auto& g : *groups) {
    if (g.value_or(std::string()) == "main") return false;
  }
  return true;
}

void AddSource(const toml::table& pkg, Component& c) {
  const toml::table* src = pkg["source"].as_table();
  if (!src) return;
  std::string type = (*src)["type"].value_or(std::string());
  std::string url = (*src)["url"].value_or(std::string());
  if (type == "git") {
    c.properties["aisec:url"] = url;
    c.properties["aisec:git-ref"] = (*src)["resolved_reference"].value_or(std::string());
  } else if (type == "directory" || type == "file") {
    c.properties["aisec:path"] = url;
  } else if (!url.empty()) {
    c.properties["aisec:index"] = url;
  }
}

struct Locked {
  std::string key;
  const toml::table* deps;
};

}  // namespace

void PoetryLock(Context& ctx) {
  auto doc = LoadToml(ctx, kSource);
  if (!doc) return;
  const toml::array* packages = (*doc)["package"].as_array();
  if (!packages) return;  // an empty lock
  const toml::table* old_files = (*doc)["metadata"]["files"].as_table();
  std::vector<Locked> locked;
  std::multimap<std::string, std::string> keys_by_name;
  for (const auto& node : *packages) {
    const toml::table* pkg = node.as_table();
    auto name = pkg ? (*pkg)["name"].value<std::string>() : std::nullopt;
    auto version = pkg ? (*pkg)["version"].value<std::string>() : std::nullopt;
    if (!name || !version || name->empty()) {  // an empty name: found by fuzz/poetry_lock
      ctx.Warn(node.source().begin.line, "[[package]] without a name and version", kSource);
      continue;
    }
    uint32_t line = (*pkg)["name"].node()->source().begin.line;
    Requirement req{.name = *name, .specifier = "==" + *version};
    Component c = MakePypiComponent(req,
                                    Evidence{Location{ctx.path(), line, 0, 0},
                                             *name + "==" + *version, EvidenceMethod::kLockfile},
                                    Scope::kTransitive);
    c.dev = IsDev(*pkg);
    if ((*pkg)["optional"].value_or(false)) c.properties["aisec:optional"] = "true";
    AddSource(*pkg, c);
    AddFileHashes((*pkg)["files"].as_array(), c);
    if (old_files) AddFileHashes((*old_files)[*name].as_array(), c);
    locked.push_back({c.Key(), (*pkg)["dependencies"].as_table()});
    keys_by_name.emplace(c.name, c.Key());
    ctx.sink().Add(std::move(c));
  }
  for (const Locked& l : locked) {
    if (!l.deps) continue;
    for (const auto& [dep, spec] : *l.deps) {
      // Dependencies name packages, not versions: relate to what the lock resolved them to.
      auto [lo, hi] = keys_by_name.equal_range(NormalizePackageName("pypi", dep.str()));
      for (auto it = lo; it != hi; ++it) ctx.sink().Relate(l.key, it->second);
    }
  }
}

}  // namespace aisec::catalog::python
