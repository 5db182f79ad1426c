// package-lock.json and npm-shrinkwrap.json
// (https://docs.npmjs.com/cli/configuring-npm/package-lock-json). Versions 2 and 3 key packages by
// their folder ("node_modules/a/node_modules/@s/b"); version 1 nests them under "dependencies".
// Both become one folder-keyed table, and a dependency is resolved the way Node finds it: in the
// nearest node_modules folder, walking up from the package that needs it. The file is read as a
// stream of JSON events rather than into a tree (see Collector).
#include <algorithm>
#include <array>
#include <unordered_map>

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

// The members of an entry the reader uses.
struct Fields {
  std::string name, version, resolved, integrity, license;
  bool link = false, dev = false, dev_optional = false, optional = false, peer = false;
  bool install_script = false, bundled = false;
};

void SetField(Fields& f, std::string_view key, std::string_view s) {
  if (key == "name") f.name = s;
  else if (key == "version") f.version = s;
  else if (key == "resolved") f.resolved = s;
  else if (key == "integrity") f.integrity = s;
  else if (key == "license") f.license = s;
}

void SetFlag(Fields& f, std::string_view key) {
  if (key == "link") f.link = true;
  else if (key == "dev") f.dev = true;
  else if (key == "devOptional") f.dev_optional = true;
  else if (key == "optional") f.optional = true;
  else if (key == "peer") f.peer = true;
  else if (key == "hasInstallScript") f.install_script = true;
  else if (key == "inBundle" || key == "bundled") f.bundled = true;
}

// The dependency maps of a version 2/3 entry; version 1 has only "requires", kept as group 0.
constexpr std::array<std::string_view, 4> kGroups = {"dependencies", "optionalDependencies",
                                                     "peerDependencies", "devDependencies"};
constexpr size_t kDevGroup = 3;

struct Entry {
  std::string folder;  // "" for the root project
  std::string joined;  // the member's path for JsonLines
  std::string order;   // sort key: the order a parsed tree (sorted keys) would give
  uint32_t line = 1;
  std::string snippet;
  uint32_t node = kNone;
  Fields fields;
  std::array<std::vector<std::string>, kGroups.size()> groups;  // dependency names
};

// A problem with one entry, reported once lines are known.
struct Problem {
  std::string joined, order, message;
};

// Entries gathered from one section of the file: "packages" or version 1's "dependencies".
struct Section {
  std::vector<Entry> entries;
  std::vector<Problem> problems;
  bool full = false;
};

// Gathers the entries of "packages" (versions 2 and 3) and of the nested "dependencies"
// (version 1) from the events of one parse, keeping only what the reader uses: a tree of a
// large lock file costs ten times the file's size.
class Collector : public JsonEvents {
 public:
  bool root_object = false, has_packages = false, packages_object = false;
  bool has_deps = false, deps_object = false;
  Section packages, v1;

  void StartObject() override { Value(true, true); }
  void StartArray() override { Value(true, false); }
  void EndObject() override { stack_.pop_back(); }
  void EndArray() override { stack_.pop_back(); }
  void Key(std::string_view key) override { key_.assign(key); }
  void String(std::string_view v) override {
    if (!stack_.empty() && stack_.back().kind == Kind::kEntry) SetField(EntryOf(stack_.back()).fields, key_, v);
    Value(false, false);
  }
  void Bool(bool v) override {
    if (v && !stack_.empty() && stack_.back().kind == Kind::kEntry) SetFlag(EntryOf(stack_.back()).fields, key_);
    Value(false, false);
  }
  void Other() override { Value(false, false); }

 private:
  enum class Kind : uint8_t { kSkip, kRoot, kPackages, kNested, kEntry, kGroup };
  struct Frame {
    Kind kind = Kind::kSkip;
    bool v1 = false;
    size_t index = 0;  // kEntry, kGroup: the entry; kGroup: also the group in `group`
    size_t group = 0;
    std::string folder, joined, order;  // kPackages, kNested: of the enclosing entry
  };

  Entry& EntryOf(const Frame& f) { return (f.v1 ? v1 : packages).entries[f.index]; }

  // A value starts under the innermost open container, as member key_ when that is an object.
  void Value(bool container, bool object) {
    Frame next;
    if (stack_.empty()) {
      root_object = object;
      if (object) next.kind = Kind::kRoot;
    } else {
      Frame& top = stack_.back();
      if (top.kind == Kind::kRoot) next = InRoot(object);
      else if (top.kind == Kind::kPackages || top.kind == Kind::kNested) next = NewEntry(top, object);
      else if (top.kind == Kind::kEntry && object) next = InEntry(top);
      else if (top.kind == Kind::kGroup) EntryOf(top).groups[top.group].push_back(key_);
    }
    if (container) stack_.push_back(std::move(next));
  }

  Frame InRoot(bool object) {
    Frame f;
    if (key_ == "packages") {
      has_packages = true;
      packages_object = object;
      v1 = Section();  // a file with "packages" is read from there only
      if (object) f = Frame{.kind = Kind::kPackages};
      JsonLines::Join(f.joined, "packages");
    } else if (key_ == "dependencies" && !has_packages) {
      has_deps = true;
      deps_object = object;
      if (object) f = Frame{.kind = Kind::kNested, .v1 = true};
      JsonLines::Join(f.joined, "dependencies");
    }
    return f;
  }

  // Version 1: {"dependencies": {"a": {"version": …, "dependencies": {"b": {…}}}}}, where b is
  // installed in node_modules/a/node_modules/b.
  Frame NewEntry(const Frame& parent, bool object) {
    Section& section = parent.v1 ? v1 : packages;
    if (section.full) return {};
    Entry e;
    e.joined = parent.joined;
    JsonLines::Join(e.joined, key_);
    if (parent.v1) {
      e.folder = parent.folder.empty() ? std::string(kNodeModules) + key_
                                       : parent.folder + '/' + std::string(kNodeModules) + key_;
      e.order = parent.order.empty() ? key_ : parent.order + '\0' + key_;
    } else {
      e.folder = e.order = key_;
    }
    if (!object) {
      section.problems.push_back({e.joined, e.order, "entry " + e.folder + " is not an object"});
      return {};
    }
    if (section.entries.size() >= kMaxLockPackages) {
      section.problems.push_back({e.joined, e.order, "too many packages; the rest are skipped"});
      section.full = true;
      return {};
    }
    section.entries.push_back(std::move(e));
    return Frame{.kind = Kind::kEntry, .v1 = parent.v1, .index = section.entries.size() - 1};
  }

  Frame InEntry(const Frame& top) {
    if (top.v1) {
      if (key_ == "requires") return Frame{.kind = Kind::kGroup, .v1 = true, .index = top.index};
      if (key_ != "dependencies") return {};
      const Entry& e = EntryOf(top);
      Frame f{.kind = Kind::kNested, .v1 = true, .folder = e.folder, .joined = e.joined, .order = e.order};
      JsonLines::Join(f.joined, "dependencies");
      return f;
    }
    for (size_t g = 0; g < kGroups.size(); ++g) {
      if (key_ == kGroups[g]) return Frame{.kind = Kind::kGroup, .index = top.index, .group = g};
    }
    return {};
  }

  std::vector<Frame> stack_;
  std::string key_;
};

// The order of a parsed tree, whose objects keep one member per key, sorted: the reader's
// output does not depend on how the file orders its members.
void SortLikeATree(Section& s) {
  auto by_order = [](const auto& a, const auto& b) { return a.order < b.order; };
  std::stable_sort(s.entries.begin(), s.entries.end(), by_order);
  std::vector<Entry> kept;
  kept.reserve(s.entries.size());
  for (size_t i = 0; i < s.entries.size(); ++i) {  // a repeated key: the last one counts
    if (i + 1 < s.entries.size() && s.entries[i + 1].order == s.entries[i].order) continue;
    kept.push_back(std::move(s.entries[i]));
  }
  s.entries = std::move(kept);
  for (auto& e : s.entries) {
    for (auto& names : e.groups) {
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
    }
  }
  std::stable_sort(s.problems.begin(), s.problems.end(), by_order);
}

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
  LockReader(Context& ctx, std::string_view text, Collector& found)
      : ctx_(ctx), text_(text), found_(found) {}

  void Run() {
    v1_ = !found_.has_packages;
    if (v1_ && (!found_.has_deps || !found_.deps_object)) {
      ctx_.Warn(1, "lock file has neither \"packages\" nor \"dependencies\"", kSource);
    } else if (!v1_ && !found_.packages_object) {
      ctx_.Warn(1, "\"packages\" is not an object", kSource);
      return;
    }
    Section& section = v1_ ? found_.v1 : found_.packages;
    SortLikeATree(section);
    entries_ = std::move(section.entries);
    Locate(section.problems);
    by_folder_.reserve(entries_.size());
    graph_.Reserve(entries_.size() + 1);
    for (size_t i = 0; i < entries_.size(); ++i) by_folder_.emplace(entries_[i].folder, i);
    for (auto& e : entries_) {
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
  // Lines and snippets of the entries, and the warnings about the section's members.
  void Locate(const std::vector<Problem>& problems) {
    JsonLines lines(text_, v1_ ? kMaxNesting : 2, 2);
    for (const auto& p : problems) {
      const JsonLines::Place* place = lines.FindJoined(p.joined);
      ctx_.Warn(place ? place->line : 1, p.message, kSource);
    }
    for (auto& e : entries_) {
      const JsonLines::Place* place = lines.FindJoined(e.joined);
      e.line = place ? place->line : 1;
      e.snippet = place ? lines.EvidenceSnippet(*place) : e.folder;
      std::string().swap(e.joined);
    }
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
    auto add = [&](size_t group, std::vector<uint32_t>& out) {
      for (const auto& name : e.groups[group]) {
        uint32_t target = Resolve(e.folder, name);
        if (target != kNone && target != e.node) out.push_back(target);
      }
    };
    if (v1_) {
      add(0, n.deps);  // "requires"
      return;
    }
    for (size_t g = 0; g < kDevGroup; ++g) add(g, n.deps);
    if (n.project) add(kDevGroup, n.dev_deps);
  }

  Context& ctx_;
  std::string_view text_;
  Collector& found_;
  bool v1_ = false;
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, size_t> by_folder_;  // views into entries_[i].folder
  mutable std::string scratch_;
  LockGraph graph_;
};

}  // namespace

void PackageLock(Context& ctx) {
  auto text = python::LoadText(ctx, kSource);
  if (!text) return;
  Collector found;
  if (Status st = ParseJsonEvents(*text, ctx.path(), found); !st.ok()) {
    Location loc = st.error().location;
    if (loc.path.empty()) loc.path = ctx.path();
    ctx.sink().Warn(std::move(loc), st.error().message, kSource);
    return;
  }
  if (!found.root_object) {
    ctx.Warn(1, "lock file is not a JSON object", kSource);
    return;
  }
  LockReader(ctx, *text, found).Run();
}

}  // namespace aisec::catalog::npm
