#pragma once
// Static analysis of model chat templates (Jinja) for server-side template injection, driven by
// data/model/jinja-rules.yaml. Templates are never rendered: the expressions and statements are
// cut out, de-obfuscated and matched against the rule patterns (RE2, linear time).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/severity.h"

namespace re2 { class RE2; }

namespace aisec::assess::model {

struct JinjaRule {
  std::string id;  // "PYTHON-INTERNALS"
  Severity severity = Severity::kHigh;
  std::string title;
  std::shared_ptr<const re2::RE2> pattern;
  std::vector<std::string> examples;
};

struct JinjaHit {
  const JinjaRule* rule = nullptr;
  std::string match;        // the matched text
  size_t block_offset = 0;  // offset in the template of the block where it matched
  bool obfuscated = false;  // seen only after de-obfuscation
};

class JinjaRules {
 public:
  // Fails on a missing version, duplicate ids, unknown severities or patterns RE2 rejects.
  static Result<JinjaRules> Load(std::string_view yaml);
  // The shipped rules; aborts with a clear message when the embedded data is broken.
  static const JinjaRules& Default();

  // One hit per rule at most (the first), in rule order.
  std::vector<JinjaHit> Scan(std::string_view tmpl) const;

  const std::vector<JinjaRule>& rules() const { return rules_; }
  const std::vector<std::string>& benign() const { return benign_; }

 private:
  std::vector<JinjaRule> rules_;
  std::vector<std::string> benign_;
};

// A Jinja block ({{ … }} or {% … %}) with its offset in the template.
struct JinjaBlock {
  size_t offset = 0;
  std::string_view text;  // including the delimiters
};
// The expression and statement blocks of a template; comments and plain text are left out.
std::vector<JinjaBlock> JinjaBlocks(std::string_view tmpl);

// A block with string literals merged and decoded: 'a' + 'b', 'a' ~ 'b' and 'a' 'b' become
// 'ab'; \xNN, \uNNNN, \UNNNNNNNN and octal escapes are decoded; a literal piped to |reverse is
// reversed.
std::string Deobfuscate(std::string_view block);

struct ModelFile;
struct ModelReport;
// Scans one chat template with the default rules and adds a finding per hit, with rule ids
// "AISEC-MODEL-<format_id>-JINJA-<rule id>" (critical when the hit needed de-obfuscation).
// `offset` is where the template text starts in the file; `key` names where it was found.
void ReportTemplate(const ModelFile& file, ModelReport& report, std::string_view format_id,
                    std::string_view key, std::string_view text, uint64_t offset);

}  // namespace aisec::assess::model
