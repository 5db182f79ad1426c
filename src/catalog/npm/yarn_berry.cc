// yarn.lock, berry (yarn 2 and later): YAML whose keys are the descriptors an entry satisfies
// ("a@npm:^1.0.0, a@npm:^1.1.0") and whose entries give version, resolution ("a@npm:1.2.3"),
// dependencies, checksum and linkType. Workspaces are entries resolved with "workspace:".
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "catalog/npm/lock_graph.h"
#include "catalog/npm/npm_spec.h"
#include "catalog/npm/package_json.h"
#include "catalog/npm/yaml_util.h"
#include "catalog/npm/yarn_lock.h"
#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

// What yarn writes as the version of a workspace without one.
constexpr std::string_view kUnversionedWorkspace = "0.0.0-use.local";

// Properties for the protocol of a resolution ("npm:1.2.3", "https://…git#commit=…", "file:…").
void AddProtocol(std::string_view reference, LockNode& n) {
  if (reference.starts_with("npm:") || reference.starts_with("patch:")) return;
  if (reference.starts_with("workspace:")) {
    n.project = true;
    return;
  }
  std::string_view protocol = reference.substr(0, reference.find(':'));
  if (protocol == "file" || protocol == "link" || protocol == "portal") {
    n.properties["aisec:source"] = protocol == "file" ? "file" : "link";
    n.properties["aisec:path"] = std::string(reference.substr(protocol.size() + 1));
  } else if (protocol == "git" || protocol == "github" || Contains(reference, ".git#")) {
    n.properties["aisec:source"] = "git";
    n.properties["aisec:url"] = std::string(reference);
  } else if (protocol == "http" || protocol == "https") {
    n.properties["aisec:source"] = "url";
    n.properties["aisec:url"] = std::string(reference);
  }
}

class BerryReader {
 public:
  BerryReader(Context& ctx, std::string_view text) : ctx_(ctx), lines_(text) {}

  void Read(const YAML::Node& doc) {
    std::vector<Raw> raws;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      std::string key = ScalarOf(it->first);
      if (key == "__metadata") continue;
      uint32_t line = LineOf(it->first);
      if (!it->second.IsMap()) {
        ctx_.Warn(line, "entry " + Snippet(key, 80) + " is not a mapping", kYarnSource);
        continue;
      }
      if (raws.size() >= kMaxLockPackages) {
        ctx_.Warn(line, "too many entries; the rest are skipped", kYarnSource);
        break;
      }
      raws.push_back(Raw{std::move(key), it->second, line, kNoNode});
    }
    // A "patch:" entry is a package with yarn's changes applied: the same name and version as
    // the entry it patches, so both stand for one component.
    for (bool patches : {false, true}) {
      for (auto& raw : raws) {
        if (IsPatch(raw.entry) == patches) raw.node = AddEntry(raw);
      }
    }
    for (const auto& raw : raws) {
      if (raw.node != kNoNode) AddEdges(raw.node, raw.entry);
    }
    graph_.Emit(ctx_);
  }

 private:
  struct Raw {
    std::string key;
    YAML::Node entry;
    uint32_t line;
    uint32_t node;
  };

  static bool IsPatch(const YAML::Node& entry) {
    std::string_view name, reference;
    std::string resolution = Child(entry, "resolution");
    SplitNameAt(resolution, name, reference);
    return reference.starts_with("patch:");
  }

  uint32_t AddEntry(const Raw& raw) {
    const std::string& key = raw.key;
    const YAML::Node& entry = raw.entry;
    uint32_t line = raw.line;
    std::string resolution = Child(entry, "resolution");
    std::string_view name, reference;
    SplitNameAt(resolution, name, reference);
    if (name.empty() || reference.empty()) {
      ctx_.Warn(line, "entry has no resolution", kYarnSource);
      return kNoNode;
    }
    std::string version = Child(entry, "version");
    std::string id = std::string(name) + '@' + version;
    uint32_t index = kNoNode;
    if (reference.starts_with("patch:")) {
      if (auto it = by_id_.find(id); it != by_id_.end()) index = it->second;
    }
    if (index == kNoNode) index = AddNode(key, name, reference, version, entry, line);
    if (reference.starts_with("patch:")) graph_.node(index).properties["aisec:patched"] = "true";
    by_id_.emplace(std::move(id), index);
    for (std::string_view descriptor : Split(key, ',')) {
      by_descriptor_.emplace(std::string(Trim(descriptor)), index);
    }
    return index;
  }

  uint32_t AddNode(std::string_view key, std::string_view name, std::string_view reference,
                   const std::string& version, const YAML::Node& entry, uint32_t line) {
    LockNode n;
    n.name = std::string(name);
    n.version = version;
    AddProtocol(reference, n);
    if (n.project && n.version == kUnversionedWorkspace) n.version.clear();
    std::string_view wanted, range;
    SplitNameAt(Trim(key.substr(0, key.find(','))), wanted, range);
    if (!n.project && wanted != name) n.properties["aisec:alias"] = std::string(wanted);
    n.evidence = Evidence{Location{ctx_.path(), line}, Snippet(lines_.LineText(line)),
                          EvidenceMethod::kLockfile};
    // The checksum is of yarn's own zip of the package, not of the registry tarball, so it
    // is kept as a property rather than as the package's hash.
    if (std::string checksum = Child(entry, "checksum"); !checksum.empty()) {
      n.properties["aisec:yarn-checksum"] = checksum;
    }
    if (n.project && reference == "workspace:.") {
      root_ = graph_.size();
      // Yarn writes "0.0.0-use.local" even for a versioned workspace; the package.json says.
      manifest_ = SiblingManifest(ctx_);
      if (manifest_ && manifest_->name == n.name) n.version = manifest_->version;
    }
    return graph_.Add(std::move(n));
  }

  // Dependencies name ranges the way headers do, with or without the default "npm:" protocol.
  uint32_t Resolve(const std::string& name, const std::string& range) const {
    auto it = by_descriptor_.find(name + '@' + range);
    if (it == by_descriptor_.end()) it = by_descriptor_.find(name + "@npm:" + range);
    return it == by_descriptor_.end() ? kNoNode : it->second;
  }

  void AddEdges(uint32_t node, const YAML::Node& entry) {
    // A workspace's lock entry merges its dependencies and devDependencies; only its
    // package.json tells them apart.
    const std::optional<PackageManifest> none;
    const std::optional<PackageManifest>& manifest = node == root_ ? manifest_ : none;
    for (const char* group : {"dependencies", "optionalDependencies", "peerDependencies"}) {
      const YAML::Node deps = ChildNode(entry, group);
      if (!deps.IsMap()) continue;
      for (auto it = deps.begin(); it != deps.end(); ++it) {
        std::string name = ScalarOf(it->first);
        uint32_t target = Resolve(name, ScalarOf(it->second));
        if (target == kNoNode || target == node) continue;
        LockNode& n = graph_.node(node);
        (n.project && IsDevOnly(manifest, name) ? n.dev_deps : n.deps).push_back(target);
      }
    }
  }

  static bool IsDevOnly(const std::optional<PackageManifest>& manifest, const std::string& name) {
    if (!manifest) return false;
    bool dev = false;
    for (const auto& d : manifest->deps) {
      if (d.key != name) continue;
      if (d.group != DepGroup::kDev) return false;
      dev = true;
    }
    return dev;
  }

  Context& ctx_;
  LineIndex lines_;
  LockGraph graph_;
  std::unordered_map<std::string, uint32_t> by_descriptor_;
  std::unordered_map<std::string, uint32_t> by_id_;  // "name@version"
  size_t root_ = kNoNode;
  std::optional<PackageManifest> manifest_;  // the root workspace's package.json
};

}  // namespace

void ReadYarnBerry(Context& ctx, std::string_view text) {
  ReadYamlMapping(ctx, text, kYarnSource, [&](const YAML::Node& doc) { BerryReader(ctx, text).Read(doc); });
}

}  // namespace aisec::catalog::npm
