#include "assess/model/model_finding.h"

#include "core/strings.h"

namespace aisec::assess::model {

void AddFinding(const ModelFile& file, ModelReport& report, const Rule& rule, Hit hit) {
  Finding f;
  f.rule_id = std::string(rule.id);
  f.title = std::string(rule.title);
  f.severity = rule.severity;
  f.description = std::move(hit.description);
  f.remediation = std::string(rule.remediation);
  f.evidence.push_back(Evidence{Location{file.file.rel_path},
                                Snippet(hit.snippet.empty() ? f.description : hit.snippet, 200),
                                EvidenceMethod::kHeader});
  f.properties["aisec:technique"] = std::string(rule.technique);
  f.properties["aisec:offset"] = std::to_string(hit.offset);
  f.frameworks["cwe"] = {std::string(rule.cwe)};
  f.frameworks["owasp_llm_2025"] = {"LLM03"};
  f.frameworks["atlas"] = {std::string(rule.atlas)};
  f.fingerprint = Finding::Fingerprint(f.rule_id, "", file.file.rel_path, hit.discriminator);
  report.findings.push_back(std::move(f));
}

void AddIssueFinding(const ModelFile& file, ModelReport& report, std::span<const IssueRule> rules,
                     const formats::Issue& issue) {
  for (const auto& row : rules) {
    if (row.what != issue.what && row.what != "*") continue;
    AddFinding(file, report, row.rule,
               Hit{.description = issue.detail,
                   .offset = issue.offset,
                   .discriminator = issue.what + ":" + issue.subject,
                   .snippet = issue.detail});
    return;
  }
}

Rule MalformedRule(std::string_view id, std::string_view title) {
  return Rule{.id = id,
              .title = title,
              .severity = Severity::kHigh,
              .technique = "malformed-header",
              .remediation = "Do not load this file: obtain the model again from a trusted source "
                             "and verify its digest.",
              .cwe = "CWE-20"};
}

}  // namespace aisec::assess::model
