// package-lock.json and npm-shrinkwrap.json
// (https://docs.npmjs.com/cli/configuring-npm/package-lock-json). Versions 2 and 3 key packages by
// their folder ("node_modules/a/node_modules/@s/b"); version 1 nests them under "dependencies".
// Both become one folder-keyed table, and a dependency is resolved the way Node finds it: in the
// nearest node_modules folder, walking up from the package that needs it.
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "catalog/npm/json_lines.h"
#include "catalog/npm/lock_graph.h"
#include "catalog/npm/npm_spec.h"
#include "catalog/npm/package_json.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

constexpr std::string_view kSource = "npm/package-lock";
constexpr uint32_t kNone = kNoNode;
constexpr std::string_view kNodeModules = "node_modules/";

using nlohmann::json;

// The members of an entry the reader uses, gathered in one pass (views into the document).
struct Fields {
  std::string_view name, version, resolved, integrity, license;
  bool link = false, dev = false, dev_optional = false, optional = false, peer = false;
  bool install_script = false, bundled = false;
};

Fields ReadFields(const json& j) {
  Fields f;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (v.is_string()) {
      std::string_view s = v.get_ref<const std::string&>();
      if (key == "name") f.name = s;
      else if (key == "version") f.version = s;
      else if (key == "resolved") f.resolved = s;
      else if (key == "integrity") f.integrity = s;
      else if (key == "license") f.license = s;
    } else if (v.is_boolean() && v.get<bool>()) {
      if (key == "link") f.link = true;
      else if (key == "dev") f.dev = true;
      else if (key == "devOptional") f.dev_optional = true;
      else if (key == "optional") f.optional = true;
      else if (key == "peer") f.peer = true;
      else if (key == "hasInstallScript") f.install_script = true;
      else if (key == "inBundle" || key == "bundled") f.bundled = true;
    }
  }
  return f;
}

struct Entry {
  std::string folder;  // "" for the root project
  const json* value = nullptr;
  uint32_t line = 1;
  std::string snippet;
  uint32_t node = kNone;
  Fields fields;
};

std::string_view NameFromFolder(std::string_view folder) {
  auto pos = folder.rfind(kNodeModules);
  if (pos != std::string_view::npos) return folder.substr(pos + kNodeModules.size());
  auto slash = folder.rfind('/');
  return slash == std::string_view::npos ? folder : folder.substr(slash + 1);
}

bool IsInstalled(std::string_view folder) { return folder.find(kNodeModules) != std::string_view::npos; }

// The root ("") and workspace folders are projects; what is installed under node_modules and
// local folders outside the project (file: dependencies) are libraries.
bool IsProjectFolder(std::string_view folder) { return !IsInstalled(folder) && !folder.starts_with("../"); }

class LockReader {
 public:
  LockReader(Context& ctx, std::string_view text, const json& doc)
      : ctx_(ctx), text_(text), doc_(doc) {}

  void Run() {
    auto packages = doc_.find("packages");
    v1_ = packages == doc_.end();
    if (v1_) {
      JsonLines lines(text_, kMaxNesting, 2);
      auto deps = doc_.find("dependencies");
      if (deps == doc_.end() || !deps->is_object()) {
        ctx_.Warn(1, "lock file has neither \"packages\" nor \"dependencies\"", kSource);
      } else {
        std::string joined;
        JsonLines::Join(joined, "dependencies");
        CollectNested(*deps, "", joined, lines);
      }
    } else if (!packages->is_object()) {
      ctx_.Warn(1, "\"packages\" is not an object", kSource);
      return;
    } else {
      JsonLines lines(text_, 2, 2);
      CollectPackages(*packages, lines);
    }
    by_folder_.reserve(entries_.size());
    graph_.Reserve(entries_.size() + 1);
    for (size_t i = 0; i < entries_.size(); ++i) by_folder_.emplace(entries_[i].folder, i);
    for (auto& e : entries_) {
      e.fields = ReadFields(*e.value);
      if (!e.fields.link) e.node = graph_.Add(MakeNode(e));
    }
    for (auto& e : entries_) {
      if (e.node == kNone) e.node = LinkTarget(e);
    }
    for (const auto& e : entries_) {
      if (!e.fields.link) AddEdges(e);
    }
    // Version 1 does not record the project's own dependencies: take them from the package.json
    // next to the lock file.
    if (v1_) {
      AddLockProject(graph_, ctx_, [this](std::string_view name, std::string_view) {
        return Resolve("", name);
      });
    }
    graph_.Emit(ctx_);
  }

 private:
  void CollectPackages(const json& packages, const JsonLines& lines) {
    entries_.reserve(std::min(packages.size(), kMaxLockPackages));
    std::string joined;
    for (const auto& [folder, entry] : packages.items()) {
      joined.clear();
      JsonLines::Join(joined, "packages");
      JsonLines::Join(joined, folder);
      if (!Collect(folder, entry, lines.FindJoined(joined), lines)) return;
    }
  }

  // Version 1: {"dependencies": {"a": {"version": …, "dependencies": {"b": {…}}}}}, where b is
  // installed in node_modules/a/node_modules/b.
  void CollectNested(const json& deps, const std::string& parent, const std::string& joined,
                     const JsonLines& lines) {
    for (const auto& [name, entry] : deps.items()) {
      std::string path = joined;
      JsonLines::Join(path, name);
      std::string folder = parent.empty() ? std::string(kNodeModules) + name
                                          : parent + '/' + std::string(kNodeModules) + name;
      if (!Collect(folder, entry, lines.FindJoined(path), lines)) return;
      auto nested = entry.find("dependencies");
      if (entry.is_object() && nested != entry.end() && nested->is_object()) {
        JsonLines::Join(path, "dependencies");
        CollectNested(*nested, folder, path, lines);
      }
    }
  }

  // Adds the entry for `folder`; false once the package limit is reached.
  bool Collect(const std::string& folder, const json& entry, const JsonLines::Place* place,
               const JsonLines& lines) {
    uint32_t line = place ? place->line : 1;
    if (!entry.is_object()) {
      ctx_.Warn(line, "entry " + folder + " is not an object", kSource);
      return true;
    }
    if (entries_.size() >= kMaxLockPackages) {
      if (!full_) ctx_.Warn(line, "too many packages; the rest are skipped", kSource);
      full_ = true;
      return false;
    }
    entries_.push_back(Entry{folder, &entry, line, place ? lines.EvidenceSnippet(*place) : folder});
    return true;
  }

  LockNode MakeNode(const Entry& e) const {
    const Fields& f = e.fields;
    LockNode n;
    n.evidence = Evidence{Location{ctx_.path(), e.line}, e.snippet, EvidenceMethod::kLockfile};
    n.name = std::string(f.name);
    n.version = std::string(f.version);
    if (IsProjectFolder(e.folder)) {
      n.project = true;
      if (n.name.empty()) n.folder = e.folder;  // unnamed: named after its folder
      return n;
    }
    std::string_view installed_as = NameFromFolder(e.folder);
    if (n.name.empty()) n.name = std::string(installed_as);
    if (v1_) {  // "version" may be "npm:real@1.0.0", a git URL or a file: path
      Spec spec = ParseSpec(n.name, n.version);
      n.name = spec.name;
      n.version = spec.version;
      n.properties = std::move(spec.properties);
    }
    if (n.name != installed_as) n.properties["aisec:alias"] = std::string(installed_as);
    n.dev = f.dev || f.dev_optional;
    if (f.optional || f.dev_optional) n.properties["aisec:optional"] = "true";
    if (f.peer) n.properties["aisec:peer"] = "true";
    if (f.install_script) n.properties["aisec:install-script"] = "true";
    if (f.bundled) n.properties["aisec:bundled"] = "true";
    n.hashes = IntegrityHashes(f.integrity);
    AddResolvedSource(f.resolved, n.properties);
    if (!IsInstalled(e.folder)) {
      n.properties["aisec:source"] = "file";
      n.properties["aisec:path"] = e.folder;
    }
    if (!f.license.empty()) n.licenses.emplace_back(f.license);
    return n;
  }

  // A "link": true entry stands for the folder its "resolved" names (a workspace).
  uint32_t LinkTarget(const Entry& e) const {
    auto it = by_folder_.find(e.fields.resolved);
    return it == by_folder_.end() || !e.fields.link ? kNone : entries_[it->second].node;
  }

  // Node looks in <folder>/node_modules, then in the node_modules of each enclosing package,
  // then at the root.
  uint32_t Resolve(std::string_view from, std::string_view name) const {
    std::string& candidate = scratch_;  // reused: this runs for every dependency of every package
    auto found = [&](std::string_view prefix, bool slash) {
      candidate.assign(prefix);
      if (slash) candidate += '/';
      candidate += kNodeModules;
      candidate += name;
      auto it = by_folder_.find(candidate);
      return it != by_folder_.end() ? entries_[it->second].node : kNone;
    };
    if (!from.empty()) {
      if (uint32_t n = found(from, true); n != kNone) return n;
    }
    for (size_t end = from.size(); end > 0;) {
      size_t pos = from.rfind(kNodeModules, end - 1);
      if (pos == std::string_view::npos || pos == 0) break;
      end = pos;
      if (from[pos - 1] != '/') continue;
      if (uint32_t n = found(from.substr(0, pos), false); n != kNone) return n;
    }
    return found("", false);
  }

  void AddEdges(const Entry& e) {
    LockNode& n = graph_.node(e.node);
    auto add = [&](std::string_view group, std::vector<uint32_t>& out) {
      auto it = e.value->find(group);
      if (it == e.value->end() || !it->is_object()) return;
      for (const auto& [name, spec] : it->items()) {
        uint32_t target = Resolve(e.folder, name);
        if (target != kNone && target != e.node) out.push_back(target);
      }
    };
    if (v1_) {
      add("requires", n.deps);
      return;
    }
    for (std::string_view group : {"dependencies", "optionalDependencies", "peerDependencies"}) {
      add(group, n.deps);
    }
    if (n.project) add("devDependencies", n.dev_deps);
  }

  Context& ctx_;
  std::string_view text_;
  const json& doc_;
  bool v1_ = false;
  bool full_ = false;
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, size_t> by_folder_;  // views into entries_[i].folder
  mutable std::string scratch_;
  LockGraph graph_;
};

}  // namespace

void PackageLock(Context& ctx) {
  auto text = python::LoadText(ctx, kSource);
  if (!text) return;
  auto doc = python::LoadJson(ctx, kSource);
  if (!doc) return;
  if (!doc->is_object()) {
    ctx.Warn(1, "lock file is not a JSON object", kSource);
    return;
  }
  LockReader(ctx, *text, *doc).Run();
}

}  // namespace aisec::catalog::npm
