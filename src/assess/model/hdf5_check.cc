// HDF5 / Keras .h5 (issue "Model file security", item 3): the root model_config attribute is a
// Keras config that the legacy loader deserialises, Lambda bytecode and imported modules
// included; the HDF5 structures around it are checked for bounds, as HDF5 readers have crashed
// on hostile files.
#include "assess/model/keras_rules.h"
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "formats/git_lfs.h"
#include "formats/hdf5/hdf5.h"

namespace aisec::assess::model {
namespace {

const IssueRule kRules[] = {
    {"eof-mismatch",
     {.id = "AISEC-MODEL-HDF5-EOF-MISMATCH",
      .title = "HDF5 file size differs from the size its superblock records",
      .severity = Severity::kMedium,
      .technique = "hidden-payload",
      .remediation = "Compare the file with the published digest; bytes after the recorded end "
                     "are ignored by loaders and can hide a payload.",
      .cwe = "CWE-20"}},
    {"bad-attribute",
     {.id = "AISEC-MODEL-HDF5-BAD-ATTRIBUTE",
      .title = "HDF5 attribute message is malformed",
      .technique = "header-tampering",
      .remediation = "Do not load this file; obtain the model again from a trusted source.",
      .cwe = "CWE-20"}},
    {"dense-attributes",
     {.id = "AISEC-MODEL-HDF5-DENSE-ATTRIBUTES",
      .title = "HDF5 root attributes are stored densely and could not all be inspected",
      .severity = Severity::kLow,
      .technique = "unsupported-structure",
      .remediation = "Inspect the model_config attribute by other means before loading.",
      .cwe = "CWE-20"}},
    {"*", MalformedRule("AISEC-MODEL-HDF5-MALFORMED", "Malformed HDF5 structure")},
};

}  // namespace

bool ClaimsHdf5(std::string_view head, std::string_view basename) {
  return formats::hdf5::LooksLikeHdf5(head) ||
         ((basename.ends_with(".h5") || basename.ends_with(".hdf5")) &&
          !formats::LooksLikeLfsPointer(head));
}

void RunHdf5(ModelFile& file, ModelReport& report) {
  report.format = "hdf5";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto f = formats::hdf5::Parse(src);
  for (const auto& issue : f.issues) AddIssueFinding(file, report, kRules, issue);
  if (const auto* config = f.Find("model_config"); config && config->kind == "string") {
    report.format = "keras-h5";
    ReportKerasConfig(file, report, "HDF5", config->value, config->offset);
  }
  for (const char* key : {"keras_version", "backend"}) {
    if (const auto* a = f.Find(key); a && a->kind == "string") report.metadata[key] = a->value;
  }
  if (f.complete) report.metadata["superblock_version"] = std::to_string(f.superblock_version);
}

}  // namespace aisec::assess::model
