#include "catalog/model/model_component.h"

namespace aisec::catalog::model {

Component ModelComponent(const std::string& rel_path, std::string_view format) {
  Component c;
  c.kind = ComponentKind::kModel;
  c.name = rel_path;
  c.scope = Scope::kUsed;
  if (!format.empty()) c.properties["aisec:format"] = std::string(format);
  c.evidence.push_back(Evidence{Location{rel_path}, std::string(format), EvidenceMethod::kMagicBytes});
  return c;
}

void SetModelDigest(Component& c, const std::string& sha256) {
  if (sha256.empty()) return;
  for (const auto& h : c.hashes) {
    if (h.algorithm == "SHA-256") return;
  }
  c.hashes.push_back(Hash{"SHA-256", sha256});
}

}  // namespace aisec::catalog::model
