// safetensors header integrity (issue "Model file security", item 7). The format carries no
// code, so what matters is that every loader reads the same tensors from the same bytes:
// header length bounds, offsets outside the data section, overlaps and gaps (bytes hidden from
// the tensor view), dtype × shape against the byte range, and JSON that parsers read differently.
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "core/strings.h"
#include "formats/git_lfs.h"
#include "formats/safetensors/safetensors.h"

namespace aisec::assess::model {
namespace {

constexpr std::string_view kReload =
    "Do not load this file: re-export the weights from a trusted source and verify the digest.";

const Rule kMalformed =
    MalformedRule("AISEC-MODEL-SAFETENSORS-MALFORMED", "Malformed safetensors header");

const IssueRule kRules[] = {
    {"oversized-header",
     {.id = "AISEC-MODEL-SAFETENSORS-OVERSIZED-HEADER",
      .title = "safetensors header length out of bounds",
      .technique = "resource-exhaustion",
      .remediation = kReload,
      .cwe = "CWE-770"}},
    {"too-many-tensors",
     {.id = "AISEC-MODEL-SAFETENSORS-OVERSIZED-HEADER",
      .title = "safetensors header declares an absurd number of tensors",
      .technique = "resource-exhaustion",
      .remediation = kReload,
      .cwe = "CWE-770"}},
    {"offsets-outside-data",
     {.id = "AISEC-MODEL-SAFETENSORS-OFFSET-OUT-OF-BOUNDS",
      .title = "safetensors tensor offsets point outside the data section",
      .technique = "header-tampering",
      .remediation = kReload,
      .cwe = "CWE-125"}},
    {"overlapping-offsets",
     {.id = "AISEC-MODEL-SAFETENSORS-OVERLAP",
      .title = "safetensors tensors share bytes",
      .technique = "header-tampering",
      .remediation = kReload,
      .cwe = "CWE-20"}},
    {"gap-in-data",
     {.id = "AISEC-MODEL-SAFETENSORS-GAP",
      .title = "safetensors data section holds bytes no tensor describes",
      .severity = Severity::kMedium,
      .technique = "hidden-payload",
      .remediation = "Re-save the tensors with the safetensors library, which writes them "
                     "contiguously, and compare digests with the published file.",
      .cwe = "CWE-20"}},
    {"size-mismatch",
     {.id = "AISEC-MODEL-SAFETENSORS-SIZE-MISMATCH",
      .title = "safetensors dtype and shape do not match the byte range",
      .technique = "header-tampering",
      .remediation = kReload,
      .cwe = "CWE-131"}},
    {"shape-overflow",
     {.id = "AISEC-MODEL-SAFETENSORS-SIZE-MISMATCH",
      .title = "safetensors tensor shape overflows",
      .technique = "header-tampering",
      .remediation = kReload,
      .cwe = "CWE-190"}},
    {"duplicate-key",
     {.id = "AISEC-MODEL-SAFETENSORS-DUPLICATE-KEY",
      .title = "safetensors header repeats a key",
      .technique = "parser-differential",
      .remediation = kReload,
      .cwe = "CWE-436"}},
    {"non-string-metadata",
     {.id = "AISEC-MODEL-SAFETENSORS-METADATA",
      .title = "safetensors __metadata__ holds non-string values",
      .severity = Severity::kMedium,
      .technique = "header-tampering",
      .remediation = "The format allows only string metadata; re-save the file.",
      .cwe = "CWE-20"}},
    {"unknown-dtype",
     {.id = "AISEC-MODEL-SAFETENSORS-UNKNOWN-DTYPE",
      .title = "safetensors tensor has an unknown dtype",
      .severity = Severity::kMedium,
      .technique = "header-tampering",
      .remediation = "Check the file with the loader version it was made for.",
      .cwe = "CWE-20"}},
    {"*", kMalformed},
};

}  // namespace

bool ClaimsSafetensors(std::string_view head, std::string_view basename) {
  return formats::safetensors::LooksLikeSafetensors(head) ||
         (basename.ends_with(".safetensors") && !formats::LooksLikeLfsPointer(head));
}

void RunSafetensors(ModelFile& file, ModelReport& report) {
  report.format = "safetensors";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto h = formats::safetensors::Parse(src);
  for (const auto& issue : h.issues) AddIssueFinding(file, report, kRules, issue);
  if (!h.complete) return;
  report.metadata["tensors"] = std::to_string(h.tensors.size());
  if (!h.parameters_overflow) report.metadata["parameters"] = std::to_string(h.parameters);
  std::vector<std::string> dtypes;
  for (const auto& [d, n] : h.dtypes) dtypes.push_back(d);
  report.metadata["dtypes"] = Join(dtypes, ",");
  report.metadata["header_bytes"] = std::to_string(h.header_size);
}

}  // namespace aisec::assess::model
