// Hugging Face model folders (issue "Model file security", item 8): auto_map entries make
// transformers import Python files shipped with the model (trust_remote_code=True), possibly from
// another repository; chat templates in tokenizer_config.json, chat_template.json and
// chat_template.jinja are Jinja that servers render (item 6 applies to them as to GGUF).
#include <algorithm>
#include <filesystem>
#include <map>

#include "assess/model/jinja_rules.h"
#include "assess/model/model_finding.h"
#include "assess/model/checks.h"
#include "core/strings.h"
#include "formats/hf/hf_folder.h"

namespace aisec::assess::model {
namespace {

using formats::hf::AutoMapEntry;

constexpr std::string_view kCodeFix =
    "Loading this model runs its Python files. Review them before passing "
    "trust_remote_code=True, pin the revision, or use a model whose architecture is built into "
    "transformers.";

const Rule kRemoteCode{.id = "AISEC-MODEL-HF-REMOTE-CODE",
                       .title = "Model requires trust_remote_code: loading runs its Python files",
                       .severity = Severity::kHigh,
                       .technique = "remote-code",
                       .remediation = kCodeFix,
                       .cwe = "CWE-829",
                       .atlas = "AML.T0011.000"};
const Rule kRemoteCodeAbsent{.id = "AISEC-MODEL-HF-REMOTE-CODE",
                             .title = "Model requires trust_remote_code; its code is fetched at "
                                      "load time",
                             .severity = Severity::kMedium,
                             .technique = "remote-code",
                             .remediation = kCodeFix,
                             .cwe = "CWE-829",
                             .atlas = "AML.T0011.000"};
const Rule kOtherRepo{.id = "AISEC-MODEL-HF-REMOTE-CODE-OTHER-REPO",
                      .title = "Model loads Python code from another repository",
                      .severity = Severity::kHigh,
                      .technique = "remote-code",
                      .remediation = kCodeFix,
                      .cwe = "CWE-829",
                      .atlas = "AML.T0010.003"};
const Rule kOddModule{.id = "AISEC-MODEL-HF-AUTO-MAP-PATH",
                      .title = "auto_map module reference is not a plain module name",
                      .severity = Severity::kHigh,
                      .technique = "path-traversal",
                      .remediation = kCodeFix,
                      .cwe = "CWE-22"};

std::string Folder(const ModelFile& f) {
  std::string parent = std::filesystem::path(f.file.rel_path).parent_path().generic_string();
  return parent.empty() ? "" : parent + "/";
}

bool Exists(const ModelFile& f, const std::string& name) {
  source::SourceFile sf{Folder(f) + name, f.file.abs_path.parent_path() / name};
  return f.reader.Size(sf).ok();
}

void CheckAutoMap(const ModelFile& file, ModelReport& report,
                  const std::vector<AutoMapEntry>& auto_map) {
  std::map<std::string, bool> local;  // file -> present beside the model
  for (const auto& e : auto_map) {
    Hit hit{.description = e.auto_class + " -> " + Snippet(e.reference, 120),
            .discriminator = e.reference,
            .snippet = "\"" + e.auto_class + "\": \"" + Snippet(e.reference, 120) + "\""};
    if (!e.plain_module) {
      AddFinding(file, report, kOddModule, hit);
    } else if (!e.repo.empty()) {
      hit.description = "code of " + e.auto_class + " comes from repository " +
                        Snippet(e.repo, 80) + " (" + e.file + ")";
      AddFinding(file, report, kOtherRepo, hit);
    } else {
      local.emplace(e.file, Exists(file, e.file));
    }
  }
  if (local.empty()) return;
  std::vector<std::string> listed;
  bool any_present = false;
  for (const auto& [name, present] : local) {
    listed.push_back(name + (present ? " (present)" : " (missing)"));
    any_present = any_present || present;
  }
  std::string files = Join(listed, ", ");
  AddFinding(file, report, any_present ? kRemoteCode : kRemoteCodeAbsent,
             Hit{.description = "auto_map imports " + files,
                 .discriminator = "auto_map",
                 .snippet = "auto_map: " + Snippet(files, 180)});
  report.metadata["remote_code_files"] = files;
}

template <typename T>
bool Parsed(const ModelFile& file, ModelReport& report, const Result<T>& r) {
  if (r.ok()) return true;
  report.warnings.push_back(Warning{Location{file.file.rel_path, r.error().location.line},
                                    r.error().message, "model/huggingface"});
  return false;
}

void RunConfig(ModelFile& file, ModelReport& report, std::string_view text) {
  auto cfg = formats::hf::ParseConfig(text, file.file.rel_path);
  if (!Parsed(file, report, cfg)) return;
  report.format = "huggingface-config";
  if (!cfg->model_type.empty()) report.metadata["model_type"] = Snippet(cfg->model_type, 80);
  if (!cfg->architectures.empty()) {
    report.metadata["architecture"] = Snippet(cfg->architectures[0], 80);
  }
  CheckAutoMap(file, report, cfg->auto_map);
}

void RunTokenizer(ModelFile& file, ModelReport& report, std::string_view text) {
  auto tok = formats::hf::ParseTokenizerConfig(text, file.file.rel_path);
  if (!Parsed(file, report, tok)) return;
  report.format = "huggingface-tokenizer";
  report.metadata["chat_template"] = tok->chat_templates.empty() ? "absent" : "present";
  // The template is JSON-escaped in the file: offsets point at the chat_template key.
  uint64_t at = std::min(text.find("\"chat_template\""), text.size());
  for (const auto& t : tok->chat_templates) {
    ReportTemplate(file, report, "HF", "chat_template " + t.name, t.text, at);
  }
  CheckAutoMap(file, report, tok->auto_map);
}

}  // namespace

bool ClaimsHf(std::string_view head, std::string_view basename) {
  if (basename == "config.json") {
    return Contains(head, "\"architectures\"") || Contains(head, "\"auto_map\"") ||
           Contains(head, "\"model_type\"");
  }
  return basename == "tokenizer_config.json" || basename == "chat_template.json" ||
         basename == "chat_template.jinja";
}

void RunHf(ModelFile& file, ModelReport& report) {
  auto text = file.reader.ReadAll(file.file);
  if (!Parsed(file, report, text)) return;
  std::string_view base = file.file.Basename();
  if (base == "config.json") return RunConfig(file, report, *text);
  if (base == "tokenizer_config.json") return RunTokenizer(file, report, *text);
  report.format = "chat-template";
  if (base == "chat_template.jinja") {
    return ReportTemplate(file, report, "HF", "chat_template.jinja", *text, 0);
  }
  auto templates = formats::hf::ParseChatTemplateJson(*text, file.file.rel_path);
  if (!Parsed(file, report, templates)) return;
  for (const auto& t : *templates) {
    ReportTemplate(file, report, "HF", "chat_template " + t.name, t.text, 0);
  }
}

}  // namespace aisec::assess::model
