#pragma once
// How the header-format checks (safetensors, GGUF, ONNX, HDF5, SavedModel, HF folders) describe
// a rule and turn a hit into a located Finding, so that every check maps frameworks the same way.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "assess/model/model_check.h"
#include "core/severity.h"
#include "formats/issue.h"

namespace aisec::assess::model {

struct Rule {
  std::string_view id;           // "AISEC-MODEL-SAFETENSORS-OVERLAP"
  std::string_view title;
  Severity severity = Severity::kHigh;
  std::string_view technique;    // "header-tampering", "template-injection", …
  std::string_view remediation;
  std::string_view cwe = "CWE-20";
  std::string_view atlas = "AML.T0010.003";  // ML supply chain compromise: model
};

struct Hit {
  std::string description;
  uint64_t offset = 0;         // byte offset in the file
  std::string discriminator;   // what makes two hits of one rule in one file different
  std::string snippet;         // evidence text (never the model's data)
};

// Appends a finding for `rule` to the report: evidence located in the file, properties
// aisec:technique and aisec:offset, frameworks cwe / owasp_llm_2025 (LLM03) / atlas.
void AddFinding(const ModelFile& file, ModelReport& report, const Rule& rule, Hit hit);

// A parser issue, reported under the rule of the row whose `what` equals issue.what; a last row
// with what "*" catches the rest (without one, unknown issues are dropped).
struct IssueRule {
  std::string_view what;
  Rule rule;
};
void AddIssueFinding(const ModelFile& file, ModelReport& report, std::span<const IssueRule> rules,
                     const formats::Issue& issue);

// The rule for a header that cannot be parsed: high, loaders have had memory-safety bugs exactly
// there. `id` is the full rule id ("AISEC-MODEL-GGUF-MALFORMED").
Rule MalformedRule(std::string_view id, std::string_view title);

}  // namespace aisec::assess::model
