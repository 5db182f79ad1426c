// TensorFlow SavedModel (issue "Model file security", item 4): ops that call Python or touch the
// file system (data/model/tf-ops.yaml), custom ops (not in data/model/tf-standard-ops.yaml: their
// kernels come from a native library), in the graphs and the function library, and the Keras
// layer configs of keras_metadata.pb (Lambda bytecode, imported modules).
#include <set>

#include <yaml-cpp/yaml.h>

#include "assess/model/keras_rules.h"
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "assess/model/op_list.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"
#include "formats/savedmodel/saved_model.h"

namespace aisec::assess::model {
namespace {

struct TfOp {
  Severity severity;
  std::string why;
};

const IssueRule kRules[] = {
    {"*", MalformedRule("AISEC-MODEL-SAVEDMODEL-MALFORMED", "Malformed SavedModel protobuf")},
};

Result<std::map<std::string, TfOp>> LoadTfOps(std::string_view yaml) {
  auto doc = ParseYaml(yaml, "model/tf-ops.yaml");
  if (!doc.ok()) return doc.error();
  std::map<std::string, TfOp> ops;
  try {
    if (!(*doc)["version"]) return Status::Parse("tf-ops: no version");
    for (const auto& row : (*doc)["ops"]) {
      auto s = ParseSeverity(row["severity"].as<std::string>());
      if (!s) return Status::Parse("tf-ops: bad severity");
      std::string op = row["op"].as<std::string>();
      if (!ops.emplace(op, TfOp{*s, row["why"].as<std::string>()}).second) {
        return Status::Parse("tf-ops: duplicate op " + op);
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("tf-ops: ") + e.what());
  }
  if (ops.empty()) return Status::Parse("tf-ops: no ops");
  return ops;
}

const std::map<std::string, TfOp>& TfOps() {
  static const auto ops = LoadShippedData("model/tf-ops.yaml", LoadTfOps);
  return ops;
}

const OpNames& StandardOps() {
  static const OpNames ops = LoadShippedOpList("model/tf-standard-ops.yaml");
  return ops;
}

const Rule kCustomOp{.id = "AISEC-MODEL-SAVEDMODEL-CUSTOM-OP",
                     .title = "SavedModel uses a custom op",
                     .severity = Severity::kMedium,
                     .technique = "custom-operator",
                     .remediation = "The op's kernel is native code loaded with tf.load_op_library "
                                    "from a library shipped beside the model; review that library "
                                    "before loading, or re-export the model with standard ops.",
                     .cwe = "CWE-829",
                     .atlas = "AML.T0011.000"};

// Findings past this many custom ops would only repeat the point (a hostile graph may name
// thousands).
constexpr size_t kMaxCustomOpFindings = 32;

// An op that is neither standard, nor listed as risky, nor a function of the graph's library.
// True when it was reported.
bool CheckCustomOp(const ModelFile& file, ModelReport& report, const formats::savedmodel::SavedModel& m,
                   const std::string& op, uint64_t count) {
  if (StandardOps().contains(op) || m.function_names.contains(op)) return false;
  AddFinding(file, report, kCustomOp,
             Hit{.description = "op '" + Snippet(op, 120) + "' (" + std::to_string(count) +
                                " node(s)) is not a standard TensorFlow op",
                 .offset = m.op_offset.at(op),
                 .discriminator = op,
                 .snippet = "op: " + Snippet(op, 120)});
  return true;
}

void CheckOps(const ModelFile& file, ModelReport& report, const formats::savedmodel::SavedModel& m) {
  size_t custom = 0;
  for (const auto& [op, count] : m.ops) {
    auto it = TfOps().find(op);
    if (it == TfOps().end()) {
      if (custom < kMaxCustomOpFindings && CheckCustomOp(file, report, m, op, count)) ++custom;
      continue;
    }
    bool python = op.find("PyFunc") != std::string::npos;
    // Rule holds views: the strings it points at must outlive it.
    const std::string id = "AISEC-MODEL-SAVEDMODEL-" + std::string(python ? "PYTHON-OP" : "FILE-OP");
    const std::string title = "SavedModel uses the " + op + " op";
    const std::string remediation =
        "Do not serve this model: inspect the graph (saved_model_cli show --all) and re-export it "
        "without " + op + ".";
    Rule rule{.id = id,
              .title = title,
              .severity = it->second.severity,
              .technique = python ? "code-execution-on-load" : "file-system-access",
              .remediation = remediation,
              .cwe = python ? "CWE-94" : "CWE-73",
              .atlas = "AML.T0011.000"};
    AddFinding(file, report, rule,
               Hit{.description = op + " (" + std::to_string(count) + " node(s)): " + it->second.why,
                   .offset = m.op_offset.at(op),
                   .discriminator = op,
                   .snippet = "op: " + op});
  }
}

void RunSavedModelPb(ModelFile& file, ModelReport& report) {
  report.format = "tensorflow-savedmodel";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto m = formats::savedmodel::ParseSavedModel(src);
  for (const auto& issue : m.issues) AddIssueFinding(file, report, kRules, issue);
  CheckOps(file, report, m);  // ops read before a wire-format error still count
  if (!m.complete) return;
  std::vector<std::string> tags, signatures;
  for (const auto& g : m.meta_graphs) {
    tags.insert(tags.end(), g.tags.begin(), g.tags.end());
    signatures.insert(signatures.end(), g.signatures.begin(), g.signatures.end());
    if (!g.tensorflow_version.empty()) report.metadata["tensorflow_version"] = g.tensorflow_version;
  }
  report.metadata["tags"] = Snippet(Join(tags, ","), 200);
  report.metadata["signatures"] = Snippet(Join(signatures, ","), 200);
  report.metadata["ops"] = std::to_string(m.ops.size());
}

void RunKerasMetadata(ModelFile& file, ModelReport& report) {
  report.format = "keras-savedmodel-metadata";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto k = formats::savedmodel::ParseKerasMetadata(src);
  for (const auto& issue : k.issues) AddIssueFinding(file, report, kRules, issue);
  for (const auto& layer : k.layers) {
    if (layer.metadata.empty()) continue;
    ReportKerasConfig(file, report, "SAVEDMODEL", layer.metadata, layer.offset);
  }
  report.metadata["layers"] = std::to_string(k.layers.size());
}

}  // namespace

bool ClaimsSavedModel(std::string_view head, std::string_view basename) {
  return basename == "saved_model.pb" || basename == "keras_metadata.pb";
}

void RunSavedModel(ModelFile& file, ModelReport& report) {
  if (file.file.Basename() == "keras_metadata.pb") return RunKerasMetadata(file, report);
  RunSavedModelPb(file, report);
}

}  // namespace aisec::assess::model
