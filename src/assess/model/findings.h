#pragma once
// Builds the Findings of model-file checks from the rule descriptions in
// data/model-security/rules.yaml, so that every check reports the same fields: rule, title,
// severity, evidence with byte offset, technique, remediation, framework mappings, fingerprint.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/model/model_check.h"
#include "core/finding.h"
#include "core/result.h"

namespace aisec::assess::model {

struct SecurityRule {
  std::string id;
  std::string title;
  Severity severity = Severity::kHigh;
  std::string description;
  std::string remediation;
  std::map<std::string, std::vector<std::string>> frameworks;
};

class SecurityRules {
 public:
  static Result<SecurityRules> Load(std::string_view yaml);
  static const SecurityRules& Default();  // aborts on broken shipped data (its test prevents that)
  const SecurityRule* Find(std::string_view id) const;
  const std::vector<SecurityRule>& all() const { return rules_; }

 private:
  std::vector<SecurityRule> rules_;
};

// What one finding says beyond its rule.
struct FindingDetail {
  std::string detail;       // appended to the rule title ("os.system")
  std::optional<Severity> severity;  // overrides the rule's default
  std::string technique;
  std::string callable;
  std::optional<uint64_t> offset;  // byte offset of the evidence (in the member when set)
  std::string member;       // archive member path, when inside an archive
  std::string snippet;      // evidence text
  EvidenceMethod method = EvidenceMethod::kHeader;
  std::map<std::string, std::string> properties;  // extra "aisec:*" properties
};

// Adds a finding of `rule_id` to the report. REQUIRES: the rule exists in the rules file.
void AddFinding(ModelReport& report, std::string_view rule_id, FindingDetail detail);

// Opens the checked file as a stream, or for positional reads (archives). On failure the reason
// becomes a warning of the report and the result is null.
std::unique_ptr<source::InputStream> OpenStream(ModelFile& file, ModelReport& report);
std::unique_ptr<source::RandomAccess> OpenSource(ModelFile& file, ModelReport& report);

// A file a model names relative to its own folder (ONNX external data, old joblib array files):
// the file it resolves to, symbolic links followed, and whether that is still inside the folder.
struct Beside {
  source::SourceFile file;
  bool inside = false;
};
Beside ResolveBeside(const ModelFile& model, std::string_view name);

// The component reference of a model file (Component::Key() of the inventory component).
std::string ModelComponentRef(const std::string& path);

}  // namespace aisec::assess::model
