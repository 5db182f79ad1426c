// A manifest's declaration without an exact version ("serde = 1.0", "openai": "^4.2") is the
// package its lock file resolved: the lock in the manifest's folder or, for a workspace member,
// in the nearest folder above it (Cargo.lock, pnpm-lock.yaml and yarn.lock sit at the workspace
// root).
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "assess/version/range.h"
#include "assess/version/scheme.h"
#include "scan/merge.h"

namespace aisec::scan {
namespace {

std::string_view Folder(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

// The folder `dir` is, or is inside, `ancestor` ("" is the scanned root).
bool Within(std::string_view dir, std::string_view ancestor) {
  if (ancestor.empty()) return true;
  return dir.starts_with(ancestor) && (dir.size() == ancestor.size() || dir[ancestor.size()] == '/');
}

bool OnlyFrom(const Component& c, EvidenceMethod method) {
  if (c.evidence.empty()) return false;
  for (const auto& e : c.evidence) {
    if (e.method != method) return false;
  }
  return true;
}

bool IsUnresolvedDeclaration(const Component& c) {
  return c.kind == ComponentKind::kLibrary && c.version.empty() && !c.ecosystem.empty() &&
         c.evidence.size() == 1 && c.evidence[0].method == EvidenceMethod::kManifest;
}

bool IsLocked(const Component& c) {
  return c.kind == ComponentKind::kLibrary && !c.version.empty() && OnlyFrom(c, EvidenceMethod::kLockfile);
}

// Keeps the candidates whose version the declaration's requirement admits, when it can be read.
void KeepSatisfying(const Component& declared, const std::vector<Component>& components,
                    std::vector<size_t>& candidates) {
  const auto* scheme = assess::version::ForPurlType(declared.ecosystem);
  if (!scheme || declared.version_spec.empty()) return;
  auto range = scheme->ParseRange(declared.version_spec);
  if (!range.ok()) return;
  std::erase_if(candidates, [&](size_t i) {
    auto v = scheme->Parse(components[i].version);
    return !v.ok() || !range->Contains(*scheme, *v);
  });
}

// The one lock entry `declared` stands for, or SIZE_MAX when there is none or no single one.
size_t LockedEntry(const Component& declared, const std::vector<Component>& components,
                   const std::vector<size_t>& locked) {
  std::string_view dir = Folder(declared.evidence[0].location.path);
  // The nearest folder holding a lock entry of this name.
  std::string_view nearest;
  bool found = false;
  for (size_t i : locked) {
    std::string_view lock_dir = Folder(components[i].evidence[0].location.path);
    if (Within(dir, lock_dir) && (!found || lock_dir.size() > nearest.size())) {
      nearest = lock_dir;
      found = true;
    }
  }
  if (!found) return SIZE_MAX;
  std::vector<size_t> candidates;
  for (size_t i : locked) {
    if (Folder(components[i].evidence[0].location.path) == nearest) candidates.push_back(i);
  }
  KeepSatisfying(declared, components, candidates);
  // A lock may hold several versions of a package; the one a project depends on is meant.
  if (candidates.size() > 1) {
    std::erase_if(candidates, [&](size_t i) { return components[i].scope != Scope::kDirect; });
  }
  std::set<std::string> keys;
  for (size_t i : candidates) keys.insert(components[i].Key());
  return keys.size() == 1 ? candidates.front() : SIZE_MAX;
}

}  // namespace

void ResolveDeclarationsWithLocks(std::vector<Component>& components, std::vector<Relation>& relations) {
  std::set<std::pair<std::string, std::string>> declared_names;
  for (const auto& c : components) {
    if (IsUnresolvedDeclaration(c)) declared_names.emplace(c.ecosystem, c.name);
  }
  if (declared_names.empty()) return;
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> locked;
  for (size_t i = 0; i < components.size(); ++i) {
    const Component& c = components[i];
    if (IsLocked(c) && declared_names.count({c.ecosystem, c.name})) locked[{c.ecosystem, c.name}].push_back(i);
  }
  // (old key, manifest file) -> new key, for the relations of that manifest's project.
  std::map<std::pair<std::string, std::string>, std::string> renamed;
  for (Component& c : components) {
    if (!IsUnresolvedDeclaration(c)) continue;
    auto it = locked.find({c.ecosystem, c.name});
    if (it == locked.end()) continue;
    size_t entry = LockedEntry(c, components, it->second);
    if (entry == SIZE_MAX) continue;
    std::string old_key = c.Key();
    c.version = components[entry].version;
    c.purl = components[entry].purl;
    renamed[{old_key, c.evidence[0].location.path}] = c.Key();
  }
  if (renamed.empty()) return;
  // A relation to a renamed declaration comes from a project of the same manifest.
  std::unordered_map<std::string, std::vector<std::string>> project_files;
  for (const auto& c : components) {
    if (c.kind != ComponentKind::kApplication) continue;
    for (const auto& e : c.evidence) project_files[c.Key()].push_back(e.location.path);
  }
  for (auto& r : relations) {
    auto files = project_files.find(r.from);
    if (files == project_files.end()) continue;
    for (const auto& file : files->second) {
      if (auto n = renamed.find({r.to, file}); n != renamed.end()) {
        r.to = n->second;
        break;
      }
    }
  }
}

}  // namespace aisec::scan
