// Keras models saved as HDF5 (.h5), recognised by the HDF5 signature: Keras and backend
// versions, the model class and its layer count, from the root group's attributes only.
#include "formats/hdf5/hdf5.h"

#include <nlohmann/json.hpp>

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::model {
namespace {

constexpr std::string_view kSource = "model/hdf5";

// Layers of a Sequential or Functional config, counted without judging them.
void DescribeConfig(Context& ctx, const std::string& text, Component& c) {
  auto config = ParseJson(text, ctx.path());
  if (!config.ok() || !config->is_object()) {
    ctx.sink().Warn(Location{ctx.path()}, "model_config is not a JSON object", kSource);
    return;
  }
  if (auto cls = config->find("class_name"); cls != config->end() && cls->is_string()) {
    SetProperty(c, "aisec:model:architecture", Snippet(cls->get<std::string>(), 80));
  }
  auto cfg = config->find("config");
  if (cfg == config->end() || !cfg->is_object()) return;
  auto layers = cfg->find("layers");
  if (layers == cfg->end() || !layers->is_array()) return;
  size_t lambdas = 0;
  for (const auto& l : *layers) {
    if (l.is_object() && l.value("class_name", "") == "Lambda") ++lambdas;
  }
  c.properties["aisec:model:layers"] = std::to_string(layers->size());
  if (lambdas) c.properties["aisec:model:lambda-layers"] = std::to_string(lambdas);
}

}  // namespace

bool ClaimsHdf5(std::string_view head) { return formats::hdf5::LooksLikeHdf5(head); }

void Hdf5(Context& ctx) {
  if (CatalogLfsPointer(ctx, "keras-h5")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, kSource);
    return;
  }
  const auto f = formats::hdf5::Parse(*src);
  if (!f.complete) {
    const auto& fatal = f.issues.back();
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable HDF5 file at offset " + std::to_string(fatal.offset) + ": " +
                        fatal.detail,
                    kSource);
    return;
  }
  const auto* config = f.Find("model_config");
  const auto* version = f.Find("keras_version");
  if (config == nullptr && version == nullptr) return;  // HDF5 data, not a Keras model
  Component c = ModelComponent(ctx, {.name = {},
                                     .format = "keras-h5",
                                     .method = EvidenceMethod::kMagicBytes,
                                     .snippet = "HDF5 superblock v" +
                                                std::to_string(f.superblock_version) +
                                                (config ? ", model_config" : ", weights only"),
                                     .size = src->size()});
  if (version) SetProperty(c, "aisec:model:keras-version", Snippet(version->value, 40));
  if (const auto* backend = f.Find("backend")) {
    SetProperty(c, "aisec:model:backend", Snippet(backend->value, 40));
  }
  if (config) DescribeConfig(ctx, config->value, c);
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
