// TensorFlow Lite models, recognised by the "TFL3" FlatBuffers identifier: schema version,
// description, subgraph and operator counts, custom operators and metadata names.
#include "formats/tflite/tflite.h"

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::model {

bool ClaimsTflite(std::string_view head) { return formats::tflite::LooksLikeTflite(head); }

void Tflite(Context& ctx) {
  if (CatalogLfsPointer(ctx, "tflite")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, "model/tflite");
    return;
  }
  const auto m = formats::tflite::Parse(*src);
  if (!m.complete) {
    const auto& fatal = m.issues.back();
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable TFLite model at offset " + std::to_string(fatal.offset) + ": " +
                        fatal.detail,
                    "model/tflite");
    return;
  }
  Component c = ModelComponent(ctx, {.name = {},
                                     .format = "tflite",
                                     .method = EvidenceMethod::kMagicBytes,
                                     .snippet = "TFL3 schema version " + std::to_string(m.version),
                                     .size = src->size()});
  c.properties["aisec:model:tflite-version"] = std::to_string(m.version);
  c.properties["aisec:model:subgraphs"] = std::to_string(m.subgraphs);
  c.properties["aisec:model:operators"] = std::to_string(m.operators);
  SetProperty(c, "aisec:model:description", Snippet(m.description, 120));
  SetProperty(c, "aisec:model:custom-ops", Snippet(Join(m.custom_ops, ","), 200));
  SetProperty(c, "aisec:model:metadata-names", Snippet(Join(m.metadata, ","), 200));
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
