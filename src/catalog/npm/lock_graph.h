#pragma once
// The package graph every npm-family lock file reduces to (package-lock.json, yarn.lock,
// pnpm-lock.yaml), and the one place that turns it into components, scopes, dev flags and
// depends-on relations.
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/cataloger.h"
#include "core/component.h"

namespace aisec::catalog::npm {

// More packages than any real lock file holds; beyond it a cataloger warns and stops adding.
inline constexpr size_t kMaxLockPackages = 1'000'000;
inline constexpr uint32_t kNoNode = std::numeric_limits<uint32_t>::max();

struct LockNode {
  std::string name;
  std::string version;
  bool project = false;     // the root project or a workspace: an application component
  std::string folder;       // an unnamed workspace: its folder, relative to the lock file's
  std::optional<bool> dev;  // when the lock file records it
  std::vector<Hash> hashes;
  std::vector<std::string> licenses;
  std::map<std::string, std::string> properties;
  Evidence evidence;
  std::vector<uint32_t> deps;      // resolved dependencies (indices into the graph)
  std::vector<uint32_t> dev_deps;  // a project's devDependencies
};

class LockGraph {
 public:
  void Reserve(size_t n) { nodes_.reserve(n); }
  uint32_t Add(LockNode node);
  LockNode& node(uint32_t i) { return nodes_[i]; }
  const LockNode& node(uint32_t i) const { return nodes_[i]; }
  size_t size() const { return nodes_.size(); }
  bool full() const { return nodes_.size() >= kMaxLockPackages; }

  // Libraries that nothing in the graph depends on: the best guess at a project's direct
  // dependencies when the lock file does not record them and no package.json says.
  std::vector<uint32_t> Roots() const;

  // Reports every node to the sink. A library is direct when a project depends on it. A library
  // without a recorded dev flag is dev when only projects' devDependencies lead to it.
  void Emit(Context& ctx);

 private:
  std::vector<uint8_t> Reach() const;

  std::vector<LockNode> nodes_;
};

// Resolves a dependency the project declares (name and spec as written) to a node, or kNoNode.
using ResolveDeclared = std::function<uint32_t(std::string_view name, std::string_view spec)>;

// Adds the project a lock file belongs to, for formats that do not name it: from the package.json
// next to the lock file, else named after the folder. With `resolve`, the project depends on what
// it finds for each declared dependency (devDependencies as dev ones), or on the graph's Roots()
// when there is no package.json. Returns the project's index.
uint32_t AddLockProject(LockGraph& graph, Context& ctx, const ResolveDeclared& resolve);

}  // namespace aisec::catalog::npm
