#include "core/component.h"

#include <array>

namespace aisec {

std::string_view EvidenceMethodName(EvidenceMethod m) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "manifest", "lockfile", "import", "call", "config", "string", "magic-bytes", "header"};
  return kNames[static_cast<size_t>(m)];
}

std::string_view ComponentKindName(ComponentKind k) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "library", "machine-learning-model", "data", "service", "application", "agent", "tool", "prompt"};
  return kNames[static_cast<size_t>(k)];
}

std::string_view ScopeName(Scope s) {
  static constexpr std::array<std::string_view, 4> kNames = {"direct", "transitive", "declared",
                                                             "used"};
  return kNames[static_cast<size_t>(s)];
}

std::string_view RelationKindName(RelationKind k) {
  static constexpr std::array<std::string_view, 4> kNames = {"depends-on", "uses-model",
                                                             "calls-service", "provides"};
  return kNames[static_cast<size_t>(k)];
}

std::string Component::Key() const {
  if (!purl.empty()) return purl;
  std::string key(ComponentKindName(kind));
  key += ':';
  if (!ecosystem.empty()) key += ecosystem + '/';
  key += name;
  if (!version.empty()) key += '@' + version;
  return key;
}

}  // namespace aisec
