#include "scan/merge.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace aisec::scan {
namespace {

// Each declaration keeps the requirement it was declared with on its evidence, so that a
// package declared by several manifests with different ranges keeps every range.
void StampRequirement(Component& c) {
  if (c.version_spec.empty()) return;
  for (auto& e : c.evidence) {
    if (e.version_spec.empty()) e.version_spec = c.version_spec;
  }
}

// The requirement declared nearest the scanned root (fewest folders, then path order): the one
// the merged component shows. Evidence is sorted by path.
void ChooseRootRequirement(Component& c) {
  const Evidence* best = nullptr;
  auto depth = [](const Evidence& e) {
    return std::count(e.location.path.begin(), e.location.path.end(), '/');
  };
  for (const auto& e : c.evidence) {
    if (e.version_spec.empty()) continue;
    if (!best || depth(e) < depth(*best)) best = &e;
  }
  if (best) c.version_spec = best->version_spec;
}

}  // namespace

std::vector<Component> MergeComponents(std::vector<Component> components) {
  std::unordered_map<std::string, size_t> by_key;
  std::vector<Component> out;
  out.reserve(components.size());
  for (auto& c : components) {
    StampRequirement(c);
    std::string key = c.Key();
    auto [it, fresh] = by_key.emplace(key, out.size());
    if (fresh) {
      out.push_back(std::move(c));
      continue;
    }
    Component& m = out[it->second];
    m.scope = std::min(m.scope, c.scope);
    m.dev = m.dev && c.dev;
    if (!m.ai && c.ai) m.ai = c.ai;
    m.confidence = std::max(m.confidence, c.confidence);
    for (auto& l : c.licenses) {
      if (std::find(m.licenses.begin(), m.licenses.end(), l) == m.licenses.end())
        m.licenses.push_back(l);
    }
    for (auto& h : c.hashes) {
      bool have = std::any_of(m.hashes.begin(), m.hashes.end(), [&](const Hash& x) {
        return x.algorithm == h.algorithm && x.value == h.value;
      });
      if (!have) m.hashes.push_back(h);
    }
    for (auto& [k, v] : c.properties) m.properties.emplace(k, v);
    for (auto& e : c.evidence) m.evidence.push_back(std::move(e));
  }
  for (auto& c : out) {
    auto key = [](const Evidence& e) {
      return std::tie(e.location.path, e.location.line, e.location.column, e.method);
    };
    std::sort(c.evidence.begin(), c.evidence.end(),
              [&](const Evidence& a, const Evidence& b) { return key(a) < key(b); });
    c.evidence.erase(
        std::unique(c.evidence.begin(), c.evidence.end(),
                    [&](const Evidence& a, const Evidence& b) { return key(a) == key(b); }),
        c.evidence.end());
    ChooseRootRequirement(c);
    if (c.evidence.size() > kMaxEvidencePerComponent) {
      c.properties["aisec:evidence-truncated"] = std::to_string(c.evidence.size());
      c.evidence.resize(kMaxEvidencePerComponent);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Component& a, const Component& b) { return a.Key() < b.Key(); });
  return out;
}

std::vector<Relation> CleanRelations(std::vector<Relation> relations,
                                     const std::vector<Component>& components) {
  std::set<std::string> keys;
  for (const auto& c : components) keys.insert(c.Key());
  std::erase_if(relations, [&](const Relation& r) {
    return r.from == r.to || !keys.count(r.from) || !keys.count(r.to);
  });
  auto key = [](const Relation& r) { return std::tie(r.from, r.to, r.kind); };
  std::sort(relations.begin(), relations.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
  relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
  return relations;
}

}  // namespace aisec::scan
