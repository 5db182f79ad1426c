#include <map>

#include "scan/merge.h"

namespace aisec::scan {

void FoldUsageIntoDeclarations(std::vector<Component>& components, std::vector<Relation>& relations) {
  // (ecosystem, name) -> index of the first declared library of that name.
  std::map<std::pair<std::string, std::string>, size_t> declared;
  for (size_t i = 0; i < components.size(); ++i) {
    const Component& c = components[i];
    if (c.kind == ComponentKind::kLibrary && c.scope != Scope::kUsed) {
      declared.emplace(std::make_pair(c.ecosystem, c.name), i);
    }
  }
  std::map<std::string, std::string> renamed;
  std::vector<bool> drop(components.size(), false);
  for (size_t i = 0; i < components.size(); ++i) {
    Component& used = components[i];
    if (used.kind != ComponentKind::kLibrary || used.scope != Scope::kUsed) continue;
    auto it = declared.find({used.ecosystem, used.name});
    if (it == declared.end()) continue;
    Component& target = components[it->second];
    target.properties["aisec:used-in-code"] = "true";
    for (auto& e : used.evidence) target.evidence.push_back(std::move(e));
    renamed[used.Key()] = target.Key();
    drop[i] = true;
  }
  if (renamed.empty()) return;
  for (auto& r : relations) {
    if (auto f = renamed.find(r.from); f != renamed.end()) r.from = f->second;
    if (auto t = renamed.find(r.to); t != renamed.end()) r.to = t->second;
  }
  std::vector<Component> kept;
  kept.reserve(components.size());
  for (size_t i = 0; i < components.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(components[i]));
  }
  components = std::move(kept);
}

}  // namespace aisec::scan
