// TensorFlow Lite: FlatBuffers offsets that point outside the file (TFLite interpreters have had
// out-of-bounds reads there) and custom operators, which need native kernels the application
// registers.
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "core/strings.h"
#include "formats/git_lfs.h"
#include "formats/tflite/tflite.h"

namespace aisec::assess::model {
namespace {

const IssueRule kRules[] = {
    {"*", MalformedRule("AISEC-MODEL-TFLITE-MALFORMED", "Malformed TFLite FlatBuffer")},
};

const Rule kCustomOp{.id = "AISEC-MODEL-TFLITE-CUSTOM-OP",
                     .title = "TFLite model uses custom operators",
                     .severity = Severity::kLow,
                     .technique = "custom-operator",
                     .remediation = "The model runs only with native kernels registered for these "
                                    "operators; check where those kernels come from.",
                     .cwe = "CWE-829"};

}  // namespace

bool ClaimsTflite(std::string_view head, std::string_view basename) {
  return formats::tflite::LooksLikeTflite(head) ||
         (basename.ends_with(".tflite") && !formats::LooksLikeLfsPointer(head));
}

void RunTflite(ModelFile& file, ModelReport& report) {
  report.format = "tflite";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto m = formats::tflite::Parse(src);
  for (const auto& issue : m.issues) AddIssueFinding(file, report, kRules, issue);
  if (!m.complete) return;
  if (!m.custom_ops.empty()) {
    std::string ops = Join(m.custom_ops, ", ");
    AddFinding(file, report, kCustomOp,
               Hit{.description = "custom operators: " + Snippet(ops, 160),
                   .discriminator = ops,
                   .snippet = "custom_code: " + Snippet(ops, 160)});
  }
  report.metadata["version"] = std::to_string(m.version);
  report.metadata["subgraphs"] = std::to_string(m.subgraphs);
  report.metadata["operators"] = std::to_string(m.operators);
}

}  // namespace aisec::assess::model
