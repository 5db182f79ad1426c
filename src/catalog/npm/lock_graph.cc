#include "catalog/npm/lock_graph.h"

#include "catalog/npm/npm_spec.h"
#include "catalog/npm/package_json.h"

namespace aisec::catalog::npm {
namespace {

constexpr uint8_t kProdReach = 1;
constexpr uint8_t kDevReach = 2;

}  // namespace

uint32_t LockGraph::Add(LockNode node) {
  nodes_.push_back(std::move(node));
  return static_cast<uint32_t>(nodes_.size() - 1);
}

std::vector<uint32_t> LockGraph::Roots() const {
  std::vector<bool> depended(nodes_.size(), false);
  for (const auto& n : nodes_) {
    for (uint32_t d : n.deps) depended[d] = true;
  }
  std::vector<uint32_t> roots;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (!nodes_[i].project && !depended[i]) roots.push_back(i);
  }
  return roots;
}

// Which nodes production and development dependencies of the projects lead to (bit flags).
std::vector<uint8_t> LockGraph::Reach() const {
  std::vector<uint8_t> reach(nodes_.size(), 0);
  std::vector<uint32_t> stack;
  auto walk = [&](uint8_t bit) {
    while (!stack.empty()) {
      uint32_t i = stack.back();
      stack.pop_back();
      if (reach[i] & bit) continue;
      reach[i] |= bit;
      for (uint32_t d : nodes_[i].deps) {
        if (!(reach[d] & bit)) stack.push_back(d);
      }
    }
  };
  for (const auto& n : nodes_) {
    if (n.project) stack.insert(stack.end(), n.deps.begin(), n.deps.end());
  }
  walk(kProdReach);
  for (const auto& n : nodes_) {
    if (n.project) stack.insert(stack.end(), n.dev_deps.begin(), n.dev_deps.end());
  }
  walk(kDevReach);
  return reach;
}

void LockGraph::Emit(Context& ctx) {
  Sink& sink = ctx.sink();
  std::vector<uint8_t> reach = Reach();
  std::vector<bool> direct(nodes_.size(), false);
  for (const auto& n : nodes_) {
    if (!n.project) continue;
    for (uint32_t d : n.deps) direct[d] = true;
    for (uint32_t d : n.dev_deps) direct[d] = true;
  }
  std::vector<std::string> keys(nodes_.size());
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    LockNode& n = nodes_[i];
    Component c;
    if (n.project) {
      c = MakeProject(ctx, n.name, n.version, std::move(n.evidence), n.folder);
    } else {
      c = MakeNpmComponent(n.name, n.version, {}, std::move(n.evidence),
                           direct[i] ? Scope::kDirect : Scope::kTransitive);
      c.dev = n.dev.value_or(!(reach[i] & kProdReach) && (reach[i] & kDevReach));
    }
    c.hashes = std::move(n.hashes);
    c.licenses = std::move(n.licenses);
    c.properties.merge(n.properties);
    if (!n.project) DropPurlWhenLocal(c);
    keys[i] = c.Key();
    sink.Add(std::move(c));
  }
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    for (uint32_t d : nodes_[i].deps) sink.Relate(keys[i], keys[d]);
    for (uint32_t d : nodes_[i].dev_deps) sink.Relate(keys[i], keys[d]);
  }
}

uint32_t AddLockProject(LockGraph& graph, Context& ctx, const ResolveDeclared& resolve) {
  std::optional<PackageManifest> manifest = SiblingManifest(ctx);
  LockNode project;
  project.project = true;
  if (manifest) {
    project.name = manifest->name;
    project.version = manifest->version;
  }
  project.evidence = Evidence{Location{ctx.path(), 1}, project.name, EvidenceMethod::kLockfile};
  if (resolve && manifest) {
    for (const auto& dep : manifest->deps) {
      uint32_t target = resolve(dep.key, dep.spec);
      if (target == kNoNode) continue;
      (dep.group == DepGroup::kDev ? project.dev_deps : project.deps).push_back(target);
    }
  } else if (resolve) {
    project.deps = graph.Roots();
  }
  return graph.Add(std::move(project));
}

}  // namespace aisec::catalog::npm
