// GGUF (issue "Model file security", item 6): chat templates that reach Python internals when a
// server renders them, and the structural checks whose failures loaders have turned into memory
// corruption (counts and lengths beyond the file, tensor data past the end or misaligned).
#include "assess/model/jinja_rules.h"
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "formats/git_lfs.h"
#include "formats/gguf/gguf.h"

namespace aisec::assess::model {
namespace {

constexpr std::string_view kReload =
    "Do not load this file: download the model again from a trusted publisher and verify its "
    "digest.";

const Rule kMalformed = MalformedRule("AISEC-MODEL-GGUF-MALFORMED", "Malformed GGUF header");
const Rule kAbsurd{.id = "AISEC-MODEL-GGUF-ABSURD-SIZE",
                   .title = "GGUF header declares counts or lengths beyond the file",
                   .technique = "resource-exhaustion",
                   .remediation = kReload,
                   .cwe = "CWE-789"};
const Rule kShape{.id = "AISEC-MODEL-GGUF-TENSOR-SHAPE",
                  .title = "GGUF tensor shape is invalid",
                  .technique = "header-tampering",
                  .remediation = kReload,
                  .cwe = "CWE-190"};
const Rule kMisaligned{.id = "AISEC-MODEL-GGUF-MISALIGNED",
                       .title = "GGUF tensor data is misaligned",
                       .technique = "header-tampering",
                       .remediation = kReload,
                       .cwe = "CWE-20"};

const IssueRule kRules[] = {
    {"absurd-count", kAbsurd},
    {"absurd-length", kAbsurd},
    {"too-deep", kAbsurd},
    {"version-1",
     {.id = "AISEC-MODEL-GGUF-VERSION1",
      .title = "GGUF version 1 file",
      .severity = Severity::kLow,
      .technique = "obsolete-format",
      .remediation = "Convert the model with a current llama.cpp release.",
      .cwe = "CWE-1104"}},
    {"duplicate-key",
     {.id = "AISEC-MODEL-GGUF-DUPLICATE-KEY",
      .title = "GGUF metadata repeats a key",
      .technique = "parser-differential",
      .remediation = kReload,
      .cwe = "CWE-436"}},
    {"duplicate-tensor",
     {.id = "AISEC-MODEL-GGUF-DUPLICATE-TENSOR",
      .title = "GGUF file repeats a tensor name",
      .technique = "parser-differential",
      .remediation = kReload,
      .cwe = "CWE-436"}},
    {"too-many-dims", kShape},
    {"shape-overflow", kShape},
    {"bad-shape", kShape},
    {"unknown-tensor-type",
     {.id = "AISEC-MODEL-GGUF-UNKNOWN-TYPE",
      .title = "GGUF tensor has an unknown ggml type",
      .severity = Severity::kMedium,
      .technique = "header-tampering",
      .remediation = "Check the file with the llama.cpp release it was made for.",
      .cwe = "CWE-20"}},
    {"tensor-out-of-bounds",
     {.id = "AISEC-MODEL-GGUF-TENSOR-OUT-OF-BOUNDS",
      .title = "GGUF tensor data runs past the end of the file",
      .technique = "header-tampering",
      .remediation = kReload,
      .cwe = "CWE-125"}},
    {"misaligned-tensor", kMisaligned},
    {"bad-alignment", kMisaligned},
    {"overlapping-tensors",
     {.id = "AISEC-MODEL-GGUF-OVERLAP",
      .title = "GGUF tensors share bytes",
      .technique = "header-tampering",
      .remediation = kReload,
      .cwe = "CWE-20"}},
    {"template-truncated",
     {.id = "AISEC-MODEL-GGUF-TEMPLATE-TOO-LARGE",
      .title = "GGUF chat template is larger than the scanned limit",
      .severity = Severity::kMedium,
      .technique = "template-injection",
      .remediation = "Review the chat template by hand before serving the model.",
      .cwe = "CWE-1336"}},
    {"*", kMalformed},
};

void FillMetadata(const formats::gguf::File& f, ModelReport& report) {
  auto set = [&](const char* key, const std::string& v) {
    if (!v.empty()) report.metadata[key] = v;
  };
  set("version", std::to_string(f.version));
  set("architecture", f.architecture);
  set("name", f.name);
  set("license", f.license);
  set("quantization", f.quantization);
  set("tensors", std::to_string(f.tensors.size()));
  if (!f.parameters_overflow) set("parameters", std::to_string(f.parameters));
  set("chat_template", f.chat_templates.empty() ? "absent" : "present");
  if (f.big_endian) set("byte_order", "big-endian");
}

}  // namespace

bool ClaimsGguf(std::string_view head, std::string_view basename) {
  return formats::gguf::LooksLikeGguf(head) ||
         (basename.ends_with(".gguf") && !formats::LooksLikeLfsPointer(head));
}

void RunGguf(ModelFile& file, ModelReport& report) {
  report.format = "gguf";
  formats::FileSource src(file.reader, file.file, file.size);
  const auto f = formats::gguf::Parse(src);
  for (const auto& issue : f.issues) AddIssueFinding(file, report, kRules, issue);
  // Templates read before a fatal problem are still scanned: a broken file may still be served.
  uint64_t length_bytes = f.version == 1 ? 4 : 8;
  for (const auto& t : f.chat_templates) {
    ReportTemplate(file, report, "GGUF", t.key, t.text, t.offset + length_bytes);
  }
  if (f.complete) FillMetadata(f, report);
}

}  // namespace aisec::assess::model
