// TensorFlow SavedModel folders (saved_model.pb): tags, TensorFlow version, signatures and the
// number of distinct ops, read from the MetaGraphDefs without loading constants.
#include "formats/savedmodel/saved_model.h"

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::model {

void SavedModel(Context& ctx) {
  if (CatalogLfsPointer(ctx, "tensorflow-savedmodel")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, "model/savedmodel");
    return;
  }
  const auto m = formats::savedmodel::ParseSavedModel(*src);
  if (!m.complete) {
    const auto& fatal = m.issues.back();
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable SavedModel at offset " + std::to_string(fatal.offset) + ": " +
                        fatal.detail,
                    "model/savedmodel");
    return;
  }
  std::vector<std::string> tags, signatures;
  std::string tf_version;
  for (const auto& g : m.meta_graphs) {
    tags.insert(tags.end(), g.tags.begin(), g.tags.end());
    signatures.insert(signatures.end(), g.signatures.begin(), g.signatures.end());
    if (!g.tensorflow_version.empty()) tf_version = g.tensorflow_version;
  }
  Component c = ModelComponent(ctx, {.name = FolderName(ctx.file()),
                                     .format = "tensorflow-savedmodel",
                                     .method = EvidenceMethod::kHeader,
                                     .snippet = "SavedModel, " +
                                                std::to_string(m.meta_graphs.size()) +
                                                " MetaGraphDef(s)",
                                     .size = src->size()});
  SetProperty(c, "aisec:model:tags", Snippet(Join(tags, ","), 200));
  SetProperty(c, "aisec:model:signatures", Snippet(Join(signatures, ","), 200));
  SetProperty(c, "aisec:model:tensorflow-version", Snippet(tf_version, 40));
  c.properties["aisec:model:ops"] = std::to_string(m.ops.size());
  c.properties["aisec:model:functions"] = std::to_string(m.functions);
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
