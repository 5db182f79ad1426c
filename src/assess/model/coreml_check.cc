// Core ML .mlmodel files (also the root model of an .mlpackage): malformed protobuf; custom
// models, neural-network custom layers (pipelines, branch and loop sub-networks included) and ML
// Program operations outside the standard MIL set (data/model/coreml-mil-ops.yaml), all of which
// run code that is not Core ML's. What was read before a malformed part is still reported.
#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/op_list.h"
#include "core/strings.h"
#include "formats/coreml/coreml.h"
#include "formats/git_lfs.h"

namespace aisec::assess::model {
namespace {

constexpr std::string_view kTechnique = "custom-operator";
// Findings past this many custom op types would only repeat the point.
constexpr size_t kMaxCustomOpFindings = 32;

const OpNames& StandardMilOps() {
  static const OpNames ops = LoadShippedOpList("model/coreml-mil-ops.yaml");
  return ops;
}

void ReportCustomCode(ModelReport& report, const formats::coreml::Model& m) {
  if (m.type == "customModel" || !m.custom_class.empty()) {
    AddFinding(report, "AISEC-MODEL-COREML-CUSTOM-MODEL",
               {.detail = Snippet(m.custom_class, 80),
                .technique = std::string(kTechnique),
                .snippet = "className: " + Snippet(m.custom_class, 80)});
  }
  for (const auto& layer : m.custom_layers) {
    AddFinding(report, "AISEC-MODEL-COREML-CUSTOM-LAYER",
               {.detail = "layer '" + Snippet(layer.layer, 80) + "' is implemented by class '" +
                          Snippet(layer.class_name, 80) + "'",
                .technique = std::string(kTechnique),
                .snippet = "className: " + Snippet(layer.class_name, 80)});
  }
  size_t custom = 0;
  for (const auto& op : m.program_ops) {
    if (StandardMilOps().contains(op.type)) continue;
    if (++custom > kMaxCustomOpFindings) break;
    std::string where = op.name.empty() ? "" : " (first: '" + Snippet(op.name, 60) + "')";
    AddFinding(report, "AISEC-MODEL-COREML-CUSTOM-OP",
               {.detail = "'" + Snippet(op.type, 80) + "'",
                .technique = std::string(kTechnique),
                .offset = op.offset,
                .snippet = "function " + Snippet(op.function, 60) + ": " + std::to_string(op.count) +
                           " operation(s) of type '" + Snippet(op.type, 80) + "'" + where});
  }
}

}  // namespace

bool ClaimsCoreMl(std::string_view head, std::string_view basename) {
  return basename.ends_with(".mlmodel") && !formats::LooksLikeLfsPointer(head);
}

void RunCoreMl(ModelFile& file, ModelReport& report) {
  report.format = "coreml";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto m = formats::coreml::Parse(src);
  for (const auto& issue : m.issues) {
    AddFinding(report, "AISEC-MODEL-COREML-MALFORMED",
               {.detail = Snippet(issue.detail, 120), .offset = issue.offset, .snippet = issue.detail});
  }
  ReportCustomCode(report, m);
  if (!m.complete) return;
  report.metadata["specification_version"] = std::to_string(m.specification_version);
  if (!m.type.empty()) report.metadata["type"] = m.type;
  if (m.type == "mlProgram") report.metadata["program_operations"] = std::to_string(m.program_operations);
}

}  // namespace aisec::assess::model
