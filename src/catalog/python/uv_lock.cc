// uv.lock (TOML): one [[package]] per locked distribution with name, version, source
// (registry, git, path, directory, url, or editable/virtual for the project's own workspace
// members), `dependencies`, [package.optional-dependencies] and [package.dev-dependencies]
// (lists of {name, version?, extra?}), and sdist/wheels artifact hashes. Workspace members
// become kApplication components (keyed like pyproject.toml's project); everything else is a
// kTransitive library. Packages reachable only through a member's dev-dependencies are dev.
#include <toml++/toml.h>

#include <deque>
#include <map>

#include "catalog/python/load.h"
#include "catalog/python/pep508.h"
#include "catalog/python/project.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/uv-lock";
constexpr std::string_view kPypiRegistry = "https://pypi.org/simple";

enum class EdgeKind { kMain, kOptional, kDev };

struct Edge {
  size_t to;
  EdgeKind kind;
  std::string group;  // extra or dev group name
};

struct Node {
  Component c;
  const toml::table* pkg;
  bool member = false;  // editable or virtual: part of the project's workspace
  std::vector<Edge> edges;
};

std::string Str(const toml::table& t, std::string_view key) {
  return t[key].value_or(std::string());
}

void AddSource(const toml::table& src, Component& c) {
  if (std::string reg = Str(src, "registry"); !reg.empty() && reg != kPypiRegistry) {
    c.properties["aisec:index"] = reg;
  }
  if (std::string git = Str(src, "git"); !git.empty()) {
    c.properties["aisec:url"] = git;
    if (auto hash = git.rfind('#'); hash != std::string::npos)
      c.properties["aisec:git-ref"] = git.substr(hash + 1);
  }
  if (std::string url = Str(src, "url"); !url.empty()) c.properties["aisec:url"] = url;
  for (std::string_view k : {"path", "directory"}) {
    if (std::string p = Str(src, k); !p.empty()) c.properties["aisec:path"] = p;
  }
}

void AddHashes(const toml::table& pkg, Component& c) {
  auto add = [&](const toml::node& artifact) {
    const toml::table* t = artifact.as_table();
    if (!t) return;
    if (auto hash = ParseHashSpec(Str(*t, "hash"))) c.hashes.push_back(std::move(*hash));
  };
  if (const toml::node* sdist = pkg.get("sdist")) add(*sdist);
  if (const toml::array* wheels = pkg["wheels"].as_array()) {
    for (const auto& w : *wheels) add(w);
  }
}

class UvLockReader {
 public:
  explicit UvLockReader(Context& ctx) : ctx_(ctx) {}

  void AddPackage(const toml::node& node) {
    const toml::table* pkg = node.as_table();
    auto name = pkg ? (*pkg)["name"].value<std::string>() : std::nullopt;
    if (!name || name->empty()) {  // an empty name: found by fuzz/uv_lock
      ctx_.Warn(node.source().begin.line, "[[package]] without a name", kSource);
      return;
    }
    std::string version = Str(*pkg, "version");
    uint32_t line = (*pkg)["name"].node()->source().begin.line;
    const toml::table* src = (*pkg)["source"].as_table();
    bool member = src && (src->contains("editable") || src->contains("virtual"));
    Component c;
    if (member) {
      c = MakeProjectComponent(ctx_, ProjectInfo{.name = *name, .version = version, .line = line});
    } else {
      Requirement req{.name = *name, .specifier = version.empty() ? "" : "==" + version};
      c = MakePypiComponent(req,
                            Evidence{Location{ctx_.path(), line, 0, 0}, *name + "==" + version,
                                     EvidenceMethod::kLockfile},
                            Scope::kTransitive);
      if (src) AddSource(*src, c);
      AddHashes(*pkg, c);
    }
    by_name_.emplace(c.name, nodes_.size());
    nodes_.push_back(Node{std::move(c), pkg, member, {}});
  }

  void Link() {
    for (Node& n : nodes_) {
      AddEdges(n, (*n.pkg)["dependencies"].as_array(), EdgeKind::kMain, "");
      for (auto [kind, key] : {std::pair{EdgeKind::kOptional, "optional-dependencies"},
                               std::pair{EdgeKind::kDev, "dev-dependencies"}}) {
        const toml::table* groups = (*n.pkg)[key].as_table();
        if (!groups) continue;
        for (const auto& [group, list] : *groups)
          AddEdges(n, list.as_array(), kind, std::string(group.str()));
      }
    }
  }

  void Emit() {
    MarkDev();
    MarkExtras();
    for (const Node& n : nodes_) {
      for (const Edge& e : n.edges) ctx_.sink().Relate(n.c.Key(), nodes_[e.to].c.Key());
    }
    for (Node& n : nodes_) ctx_.sink().Add(std::move(n.c));
  }

 private:
  void AddEdges(Node& from, const toml::array* deps, EdgeKind kind, const std::string& group) {
    if (!deps) return;
    for (const auto& d : *deps) {
      const toml::table* t = d.as_table();
      if (!t) continue;
      std::string version = Str(*t, "version");
      auto [lo, hi] = by_name_.equal_range(NormalizePackageName("pypi", Str(*t, "name")));
      for (auto it = lo; it != hi; ++it) {
        // With several locked versions of one name, uv names the version it means.
        if (!version.empty() && nodes_[it->second].c.version != version) continue;
        from.edges.push_back(Edge{it->second, kind, group});
      }
    }
  }

  // Reachable from the workspace members through their dev groups, and not through their
  // main or optional dependencies.
  void MarkDev() {
    std::vector<char> prod(nodes_.size(), 0), dev(nodes_.size(), 0);
    std::deque<size_t> prod_queue, dev_queue;
    for (const Node& n : nodes_) {
      if (!n.member) continue;
      for (const Edge& e : n.edges)
        (e.kind == EdgeKind::kDev ? dev_queue : prod_queue).push_back(e.to);
    }
    auto walk = [&](std::deque<size_t>& queue, std::vector<char>& seen) {
      while (!queue.empty()) {
        size_t i = queue.front();
        queue.pop_front();
        if (seen[i]) continue;
        seen[i] = 1;
        for (const Edge& e : nodes_[i].edges) {
          if (e.kind != EdgeKind::kDev) queue.push_back(e.to);
        }
      }
    };
    walk(prod_queue, prod);
    walk(dev_queue, dev);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (dev[i] && !prod[i] && !nodes_[i].member) nodes_[i].c.dev = true;
    }
  }

  // A member's optional dependency that it does not also need unconditionally.
  void MarkExtras() {
    std::vector<char> main(nodes_.size(), 0);
    for (const Node& n : nodes_) {
      for (const Edge& e : n.edges) {
        if (n.member && e.kind == EdgeKind::kMain) main[e.to] = 1;
      }
    }
    for (const Node& n : nodes_) {
      for (const Edge& e : n.edges) {
        if (n.member && e.kind == EdgeKind::kOptional && !main[e.to]) {
          nodes_[e.to].c.properties.emplace("aisec:extra", e.group);
        }
      }
    }
  }

  Context& ctx_;
  std::vector<Node> nodes_;
  std::multimap<std::string, size_t> by_name_;
};

}  // namespace

void UvLock(Context& ctx) {
  auto doc = LoadToml(ctx, kSource);
  if (!doc) return;
  const toml::array* packages = (*doc)["package"].as_array();
  if (!packages) return;  // a lock without packages
  UvLockReader reader(ctx);
  for (const auto& node : *packages) reader.AddPackage(node);
  reader.Link();
  reader.Emit();
}

}  // namespace aisec::catalog::python
