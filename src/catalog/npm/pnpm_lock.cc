// pnpm-lock.yaml (https://github.com/pnpm/spec/tree/master/lockfile): importers (the projects of
// a workspace) with their direct dependencies, and packages keyed by ids whose form changed with
// the lockfile version: "/name/1.0.0_peer@1" (5.x), "/name@1.0.0(peer@1)" (6.x), and
// "name@1.0.0(peer@1)" (9.x, which moves the graph from "packages" to "snapshots"). A peer suffix
// is the same package resolved against other peers, so it is stripped and such ids are merged.
#include <filesystem>
#include <set>
#include <unordered_map>

#include "catalog/npm/lock_graph.h"
#include "catalog/npm/npm_spec.h"
#include "catalog/npm/package_json.h"
#include "catalog/npm/yaml_util.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

constexpr std::string_view kSource = "npm/pnpm-lock";

enum class Dialect : uint8_t { kV5, kV6, kV9 };

Dialect DialectOf(std::string_view version) {
  int major = 0;
  for (char c : version) {
    if (c < '0' || c > '9') break;
    major = major * 10 + (c - '0');
  }
  return major < 6 ? Dialect::kV5 : major < 9 ? Dialect::kV6 : Dialect::kV9;
}

struct PackageId {
  std::string name, version;
};

PackageId ParseId(std::string_view id, Dialect dialect) {
  if (id.starts_with('/')) id.remove_prefix(1);
  id = id.substr(0, id.find('('));
  std::string_view name, version;
  if (dialect == Dialect::kV5) {
    auto slash = id.rfind('/');
    if (slash == std::string_view::npos) return {std::string(id), {}};
    name = id.substr(0, slash);
    version = id.substr(slash + 1);
    version = version.substr(0, version.find('_'));
  } else {
    SplitNameAt(id, name, version);
  }
  return {std::string(name), std::string(version)};
}

void AddResolution(const YAML::Node& resolution, LockNode& n) {
  n.hashes = IntegrityHashes(Child(resolution, "integrity"));
  if (std::string repo = Child(resolution, "repo"); !repo.empty()) {
    n.properties["aisec:source"] = "git";
    n.properties["aisec:url"] = repo + '#' + Child(resolution, "commit");
  } else if (std::string dir = Child(resolution, "directory"); !dir.empty()) {
    n.properties["aisec:source"] = "file";
    n.properties["aisec:path"] = dir;
  } else if (std::string tarball = Child(resolution, "tarball"); !tarball.empty()) {
    n.properties["aisec:source"] = tarball.starts_with("file:") ? "file" : "url";
    n.properties[tarball.starts_with("file:") ? "aisec:path" : "aisec:url"] = tarball;
  }
}

class PnpmReader {
 public:
  PnpmReader(Context& ctx, std::string_view text) : ctx_(ctx), lines_(text) {}

  void Read(const YAML::Node& doc) {
    std::string version = Child(doc, "lockfileVersion");
    if (version.empty()) ctx_.Warn(1, "no lockfileVersion; read as version 6", kSource);
    dialect_ = version.empty() ? Dialect::kV6 : DialectOf(version);
    const YAML::Node packages = ChildNode(doc, "packages");
    const YAML::Node snapshots = ChildNode(doc, "snapshots");
    ForEach(packages, [&](const std::string& key, const YAML::Node& info, uint32_t line) {
      Register(key, info, line);
    });
    const YAML::Node& graph = dialect_ == Dialect::kV9 ? snapshots : packages;
    if (dialect_ == Dialect::kV9) {
      ForEach(snapshots, [&](const std::string& key, const YAML::Node&, uint32_t line) {
        Register(key, YAML::Node(), line);
      });
    }
    ForEach(graph, [&](const std::string& key, const YAML::Node& entry, uint32_t) {
      if (auto it = by_key_.find(key); it != by_key_.end()) {
        for (const char* group : {"dependencies", "optionalDependencies"}) {
          AddEdges(ChildNode(entry, group), graph_.node(it->second).deps, it->second);
        }
      }
    });
    ReadImporters(doc);
    graph_.Emit(ctx_);
  }

 private:
  void ForEach(const YAML::Node& map,
               const std::function<void(const std::string&, const YAML::Node&, uint32_t)>& fn) {
    if (!map.IsMap()) return;
    for (auto it = map.begin(); it != map.end(); ++it) fn(ScalarOf(it->first), it->second, LineOf(it->first));
  }

  // Makes `key` name a node, merging ids that differ only in their peer suffix.
  void Register(const std::string& key, const YAML::Node& info, uint32_t line) {
    if (by_key_.count(key)) return;
    PackageId id = ParseId(key, dialect_);
    if (std::string name = Child(info, "name"); !name.empty()) id.name = name;
    if (std::string version = Child(info, "version"); !version.empty()) id.version = version;
    std::string merged = id.name + '@' + id.version;
    if (auto it = by_id_.find(merged); it != by_id_.end()) {
      by_key_.emplace(key, it->second);
      return;
    }
    if (graph_.full()) {
      if (graph_.size() == kMaxLockPackages) ctx_.Warn(line, "too many packages; the rest are skipped", kSource);
      return;
    }
    LockNode n;
    n.name = std::move(id.name);
    n.version = std::move(id.version);
    n.evidence = Evidence{Location{ctx_.path(), line}, Snippet(lines_.LineText(line)), EvidenceMethod::kLockfile};
    AddResolution(ChildNode(info, "resolution"), n);
    if (std::string dev = Child(info, "dev"); !dev.empty()) n.dev = dev == "true";
    if (Child(info, "optional") == "true") n.properties["aisec:optional"] = "true";
    if (Child(info, "requiresBuild") == "true") n.properties["aisec:install-script"] = "true";
    uint32_t index = graph_.Add(std::move(n));
    by_id_.emplace(std::move(merged), index);
    by_key_.emplace(key, index);
  }

  // A dependency's reference: a version ("1.0.0(react@18.2.0)", "1.0.0_react@18.2.0"), or a whole
  // id for aliases and non-registry packages ("/bar@1.0.0" in 6.x, "bar@1.0.0" in 9.x).
  uint32_t Resolve(const std::string& name, const std::string& ref) const {
    std::string candidates[2];
    if (dialect_ == Dialect::kV9) {
      candidates[0] = name + '@' + ref;
      candidates[1] = ref;
    } else if (ref.starts_with('/')) {
      candidates[0] = ref;
    } else {
      candidates[0] = '/' + name + (dialect_ == Dialect::kV5 ? '/' : '@') + ref;
    }
    for (const auto& c : candidates) {
      if (c.empty()) continue;
      if (auto it = by_key_.find(c); it != by_key_.end()) return it->second;
      PackageId id = ParseId(c, dialect_);
      if (auto it = by_id_.find(id.name + '@' + id.version); it != by_id_.end()) return it->second;
    }
    return kNoNode;
  }

  // `deps` maps names to references, or (6.x and 9.x importers) to {specifier, version}.
  void AddEdges(const YAML::Node& deps, std::vector<uint32_t>& out, uint32_t from,
                const std::string& importer = {}) {
    if (!deps.IsMap()) return;
    for (auto it = deps.begin(); it != deps.end(); ++it) {
      std::string name = ScalarOf(it->first);
      std::string ref = it->second.IsMap() ? Child(it->second, "version") : ScalarOf(it->second);
      uint32_t target = ref.starts_with("link:") ? LinkedProject(importer, name, ref.substr(5))
                                                 : Resolve(name, ref);
      if (target == kNoNode || target == from) continue;
      LockNode& t = graph_.node(target);
      if (!t.project && t.name != name) t.properties.emplace("aisec:alias", name);  // "npm:" alias
      out.push_back(target);
    }
  }

  // A workspace linked as `name` is the project of that folder, and `name` is its package name.
  uint32_t LinkedProject(const std::string& importer, const std::string& name, std::string_view path) {
    std::string folder = (std::filesystem::path(importer) / path).lexically_normal().generic_string();
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    auto it = importers_.find(folder.empty() ? "." : folder);
    if (it == importers_.end()) return kNoNode;
    if (folder != "." && named_.insert(it->second).second) {
      graph_.node(it->second).name = name;
      graph_.node(it->second).folder.clear();
    }
    return it->second;
  }

  void ReadImporters(const YAML::Node& doc) {
    const YAML::Node importers = ChildNode(doc, "importers");
    std::vector<std::pair<std::string, YAML::Node>> list;
    if (importers.IsMap()) {
      ForEach(importers, [&](const std::string& path, const YAML::Node& imp, uint32_t line) {
        importers_.emplace(path, AddProject(path, line));
        list.emplace_back(path, imp);
      });
    } else {  // a single project: its dependencies are at the top level
      importers_.emplace(".", AddProject(".", 1));
      list.emplace_back(".", doc);
    }
    for (const auto& [path, imp] : list) {
      uint32_t p = importers_.at(path);
      for (const char* group : {"dependencies", "optionalDependencies"}) {
        AddEdges(ChildNode(imp, group), graph_.node(p).deps, p, path);
      }
      AddEdges(ChildNode(imp, "devDependencies"), graph_.node(p).dev_deps, p, path);
    }
  }

  uint32_t AddProject(const std::string& path, uint32_t line) {
    if (path == ".") {
      uint32_t root = AddLockProject(graph_, ctx_, nullptr);
      graph_.node(root).evidence.location.line = line;
      return root;
    }
    LockNode n;
    n.project = true;
    n.folder = path;  // until a link to it gives its package name
    n.evidence = Evidence{Location{ctx_.path(), line}, Snippet(lines_.LineText(line)), EvidenceMethod::kLockfile};
    return graph_.Add(std::move(n));
  }

  Context& ctx_;
  LineIndex lines_;
  Dialect dialect_ = Dialect::kV6;
  LockGraph graph_;
  std::unordered_map<std::string, uint32_t> by_key_;     // ids as written
  std::unordered_map<std::string, uint32_t> by_id_;      // "name@version"
  std::unordered_map<std::string, uint32_t> importers_;  // folder -> project node
  std::set<uint32_t> named_;  // workspace projects named by a link to them
};

}  // namespace

void PnpmLock(Context& ctx) {
  auto text = python::LoadText(ctx, kSource);
  if (!text) return;
  ReadYamlMapping(ctx, *text, kSource, [&](const YAML::Node& doc) { PnpmReader(ctx, *text).Read(doc); });
}

}  // namespace aisec::catalog::npm
