// Core ML .mlmodel files: malformed protobuf, and custom models whose implementation is an
// application class (native code) named by the file, and neural-network layers that do the same.
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "core/strings.h"
#include "formats/coreml/coreml.h"
#include "formats/git_lfs.h"

namespace aisec::assess::model {
namespace {

const IssueRule kRules[] = {
    {"*", MalformedRule("AISEC-MODEL-COREML-MALFORMED", "Malformed Core ML protobuf")},
};

const Rule kCustomModel{.id = "AISEC-MODEL-COREML-CUSTOM-MODEL",
                        .title = "Core ML model delegates to a custom model class",
                        .severity = Severity::kMedium,
                        .technique = "custom-operator",
                        .remediation = "The prediction runs in the named application class; review "
                                       "that code before shipping the model.",
                        .cwe = "CWE-829"};

const Rule kCustomLayer{.id = "AISEC-MODEL-COREML-CUSTOM-LAYER",
                        .title = "Core ML neural network has a custom layer",
                        .severity = Severity::kMedium,
                        .technique = "custom-operator",
                        .remediation = "The layer runs in the named application class (native "
                                       "code); review that code, or convert the layer to built-in "
                                       "Core ML layers.",
                        .cwe = "CWE-829"};

}  // namespace

bool ClaimsCoreMl(std::string_view head, std::string_view basename) {
  return basename.ends_with(".mlmodel") && !formats::LooksLikeLfsPointer(head);
}

void RunCoreMl(ModelFile& file, ModelReport& report) {
  report.format = "coreml";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto m = formats::coreml::Parse(src);
  for (const auto& issue : m.issues) AddIssueFinding(file, report, kRules, issue);
  if (!m.complete) return;
  if (m.type == "customModel") {
    AddFinding(file, report, kCustomModel,
               Hit{.description = "custom model class '" + Snippet(m.custom_class, 80) + "'",
                   .discriminator = m.custom_class,
                   .snippet = "className: " + Snippet(m.custom_class, 80)});
  }
  for (const auto& layer : m.custom_layers) {
    AddFinding(file, report, kCustomLayer,
               Hit{.description = "layer '" + Snippet(layer.layer, 80) + "' is implemented by class '" +
                                  Snippet(layer.class_name, 80) + "'",
                   .discriminator = layer.layer + "/" + layer.class_name,
                   .snippet = "className: " + Snippet(layer.class_name, 80)});
  }
  report.metadata["specification_version"] = std::to_string(m.specification_version);
  if (!m.type.empty()) report.metadata["type"] = m.type;
}

}  // namespace aisec::assess::model
