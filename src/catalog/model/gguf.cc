// GGUF files (llama.cpp), recognised by their magic: architecture, name, licence, parameter count,
// quantisation and whether a chat template is embedded, read from the metadata only.
#include "formats/gguf/gguf.h"

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::model {
namespace {

constexpr std::string_view kSource = "model/gguf";

}  // namespace

bool ClaimsGguf(std::string_view head) { return formats::gguf::LooksLikeGguf(head); }

void Gguf(Context& ctx) {
  if (CatalogLfsPointer(ctx, "gguf")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, kSource);
    return;
  }
  const auto f = formats::gguf::Parse(*src);
  if (!f.complete) {
    const auto& fatal = f.issues.back();
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable GGUF header at offset " + std::to_string(fatal.offset) + ": " +
                        fatal.detail,
                    kSource);
    return;
  }
  std::string name = !f.name.empty() ? f.name : f.basename;
  Component c = ModelComponent(ctx, {.name = Snippet(name, 120),
                                     .format = "gguf",
                                     .method = EvidenceMethod::kMagicBytes,
                                     .snippet = "GGUF v" + std::to_string(f.version),
                                     .size = src->size()});
  c.properties["aisec:model:gguf-version"] = std::to_string(f.version);
  c.properties["aisec:model:tensors"] = std::to_string(f.tensors.size());
  if (!f.parameters_overflow) c.properties["aisec:model:parameters"] = std::to_string(f.parameters);
  SetProperty(c, "aisec:model:architecture", Snippet(f.architecture, 80));
  SetProperty(c, "aisec:model:quantization", f.quantization);
  c.properties["aisec:model:chat-template"] = f.chat_templates.empty() ? "absent" : "present";
  if (!f.license.empty()) c.licenses.push_back(Snippet(f.license, 80));
  c.ai->model_family = Snippet(f.architecture, 80);
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
