#include "catalog/model/model_component.h"

#include "catalog/model/model_file.h"
#include "formats/model_format.h"

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

void CatalogModelFile(Context& ctx, std::initializer_list<std::string_view> formats) {
  auto head = ctx.reader().ReadRange(ctx.file(), 0, 4096);
  auto size = ctx.reader().Size(ctx.file());
  if (!head.ok() || !size.ok()) {
    ctx.Warn(0, head.ok() ? size.error().message : head.error().message, "model");
    return;
  }
  std::string_view format = formats::SniffModelFormat(*head, ctx.file().Basename());
  bool mine = false;
  for (auto f : formats) mine = mine || (!format.empty() && f == format);
  if (!mine) return;
  ctx.sink().Add(ModelComponent(ctx, ModelFileInfo{.format = format,
                                                   .method = EvidenceMethod::kMagicBytes,
                                                   .snippet = std::string(format),
                                                   .size = *size}));
}

}  // namespace aisec::catalog::model
