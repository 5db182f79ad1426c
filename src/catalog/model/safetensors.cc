// safetensors files, recognised by their header shape rather than the extension: tensor count,
// dtypes, parameter count and the string metadata, read from the header only.
#include "formats/safetensors/safetensors.h"

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::model {
namespace {

constexpr std::string_view kSource = "model/safetensors";
constexpr size_t kMaxMetadataProperties = 32;

std::string DtypeList(const std::map<std::string, uint64_t>& dtypes) {
  std::vector<std::string> names;
  for (const auto& [name, count] : dtypes) names.push_back(name);
  return Join(names, ",");
}

}  // namespace

bool ClaimsSafetensors(std::string_view head) {
  return formats::safetensors::LooksLikeSafetensors(head);
}

void Safetensors(Context& ctx) {
  if (CatalogLfsPointer(ctx, "safetensors")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, kSource);
    return;
  }
  const auto h = formats::safetensors::Parse(*src);
  if (!h.complete) {
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable safetensors header: " + h.issues.back().detail, kSource);
    return;
  }
  Component c = ModelComponent(
      ctx, {.name = {}, .format = "safetensors", .method = EvidenceMethod::kHeader,
            .snippet = "safetensors header, " + std::to_string(h.tensors.size()) + " tensors",
            .size = src->size()});
  c.properties["aisec:model:tensors"] = std::to_string(h.tensors.size());
  if (!h.parameters_overflow) c.properties["aisec:model:parameters"] = std::to_string(h.parameters);
  SetProperty(c, "aisec:model:dtype", DtypeList(h.dtypes));
  if (auto it = h.metadata.find("format"); it != h.metadata.end()) {
    SetProperty(c, "aisec:model:framework", Snippet(it->second, 40));
  }
  size_t shown = 0;
  for (const auto& [k, v] : h.metadata) {
    if (k.size() > 64 || ++shown > kMaxMetadataProperties) continue;
    SetProperty(c, "aisec:model:metadata:" + k, Snippet(v, 200));
  }
  if (!h.issues.empty()) {
    c.properties["aisec:model:header-issues"] = std::to_string(h.issues.size());
  }
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
