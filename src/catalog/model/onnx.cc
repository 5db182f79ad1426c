// ONNX models (*.onnx, checked to be protobuf): IR version, opsets, producer, operator domains,
// parameter count and external data, read without loading tensor bytes.
#include "formats/onnx/onnx.h"

#include "catalog/model/model_file.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"
#include "formats/onnx/domains.h"

namespace aisec::catalog::model {
namespace {

constexpr std::string_view kSource = "model/onnx";
constexpr size_t kMaxMetadataProperties = 32;

std::string Opsets(const formats::onnx::Model& m) {
  std::vector<std::string> out;
  for (const auto& o : m.opsets) {
    out.push_back((o.domain.empty() ? "ai.onnx" : o.domain) + ":" + std::to_string(o.version));
  }
  return Snippet(Join(out, ","), 400);
}

std::string NonStandardDomains(const formats::onnx::Model& m) {
  const auto& domains = formats::onnx::Domains::Default();
  std::vector<std::string> out;
  for (const auto& [domain, ops] : m.ops) {
    if (domains.Kind(domain) != formats::onnx::DomainKind::kStandard) out.push_back(domain);
  }
  return Snippet(Join(out, ","), 400);
}

}  // namespace

void Onnx(Context& ctx) {
  if (CatalogLfsPointer(ctx, "onnx")) return;
  auto src = formats::FileSource::Open(ctx.reader(), ctx.file());
  if (!src.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, src.error().message, kSource);
    return;
  }
  const auto m = formats::onnx::Parse(*src);
  if (!m.complete) {
    const auto& fatal = m.issues.back();
    ctx.sink().Warn(Location{ctx.path()},
                    "unreadable ONNX model at offset " + std::to_string(fatal.offset) + ": " +
                        fatal.detail,
                    kSource);
    return;
  }
  Component c = ModelComponent(ctx, {.name = {},
                                     .format = "onnx",
                                     .method = EvidenceMethod::kHeader,
                                     .snippet = "ONNX IR version " + std::to_string(m.ir_version),
                                     .size = src->size()});
  c.properties["aisec:model:onnx-ir-version"] = std::to_string(m.ir_version);
  SetProperty(c, "aisec:model:opsets", Opsets(m));
  SetProperty(c, "aisec:model:producer", Snippet(Trim(m.producer_name + " " + m.producer_version), 80));
  SetProperty(c, "aisec:model:graph", Snippet(m.graph_name, 80));
  SetProperty(c, "aisec:model:operator-domains", NonStandardDomains(m));
  c.properties["aisec:model:nodes"] = std::to_string(m.nodes);
  if (!m.parameters_overflow) c.properties["aisec:model:parameters"] = std::to_string(m.parameters);
  if (!m.external_data.empty()) {
    c.properties["aisec:model:external-data-tensors"] = std::to_string(m.external_data.size());
  }
  size_t shown = 0;
  for (const auto& [k, v] : m.metadata_props) {
    if (k.size() > 64 || ++shown > kMaxMetadataProperties) continue;
    SetProperty(c, "aisec:model:metadata:" + k, Snippet(v, 200));
  }
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::model
