// Core ML models: .mlmodel files (specification version, model type, author, licence, version
// and user-defined metadata) and .mlpackage folders (Manifest.json, naming the root model).
#include "formats/coreml/coreml.h"

#include <filesystem>

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::model {
namespace {

constexpr std::string_view kSource = "model/coreml";

}  // namespace

void CoreMl(Context& ctx) {
  if (CatalogLfsPointer(ctx, "coreml")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, kSource);
    return;
  }
  const auto m = formats::coreml::Parse(*src);
  if (!m.complete) {
    const auto& fatal = m.issues.back();
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable Core ML model at offset " + std::to_string(fatal.offset) + ": " +
                        fatal.detail,
                    kSource);
    return;
  }
  Component c = ModelComponent(ctx, {.name = {},
                                     .format = "coreml",
                                     .method = EvidenceMethod::kHeader,
                                     .snippet = "Core ML specification version " +
                                                std::to_string(m.specification_version),
                                     .size = src->size()});
  c.version = Snippet(m.version, 40);
  c.properties["aisec:model:coreml-spec-version"] = std::to_string(m.specification_version);
  SetProperty(c, "aisec:model:architecture", m.type);
  SetProperty(c, "aisec:model:author", Snippet(m.author, 120));
  SetProperty(c, "aisec:model:description", Snippet(m.short_description, 120));
  SetProperty(c, "aisec:model:custom-class", Snippet(m.custom_class, 120));
  if (!m.license.empty()) c.licenses.push_back(Snippet(m.license, 80));
  ctx.sink().Add(std::move(c));
}

bool ClaimsMlPackageManifest(std::string_view rel_path) {
  return rel_path.ends_with(".mlpackage/Manifest.json");
}

void MlPackage(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, text.error().message, kSource);
    return;
  }
  auto manifest = formats::coreml::ParseManifest(*text, ctx.path());
  if (!manifest.ok()) {
    ctx.sink().Warn(manifest.error().location, manifest.error().message, kSource);
    return;
  }
  Component c;
  c.kind = ComponentKind::kModel;
  c.name = FileStem(FolderName(ctx.file()));
  c.ai = AiInfo{.category = "model"};
  c.properties["aisec:format"] = "coreml-package";
  SetProperty(c, "aisec:model:package-format-version", Snippet(manifest->file_format_version, 40));
  SetProperty(c, "aisec:model:root-model", Snippet(manifest->root_path, 200));
  c.evidence.push_back(Evidence{Location{ctx.path(), 1}, "Manifest.json", EvidenceMethod::kManifest});
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
