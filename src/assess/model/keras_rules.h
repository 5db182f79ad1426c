#pragma once
// Keras model configs (the model_config attribute of .h5 files; config.json of .keras archives):
// Lambda layers with marshalled bytecode, objects imported from modules outside Keras, functions
// that run code, and configs that switch safe mode off. Judged with data/model/keras-rules.yaml;
// nothing is imported or unmarshalled.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assess/model/model_check.h"
#include "core/result.h"
#include "core/severity.h"

namespace aisec::assess::model {

class KerasRules {
 public:
  static Result<KerasRules> Load(std::string_view yaml);
  static const KerasRules& Default();  // aborts when the shipped data is broken

  bool Trusted(std::string_view module) const;
  // The severity of a dangerous module (by dotted prefix), or nullptr.
  const Severity* Dangerous(std::string_view module) const;
  bool DangerousFunction(std::string_view name) const;

 private:
  std::vector<std::string> trusted_;
  std::map<std::string, Severity, std::less<>> dangerous_;
  std::vector<std::string> functions_;
};

struct KerasHit {
  // "lambda-bytecode", "lambda", "dangerous-module", "dangerous-function", "foreign-module",
  // "custom-object", "safe-mode-off"
  std::string what;
  Severity severity = Severity::kMedium;
  std::string where;   // layer name or key path
  std::string detail;
};

std::vector<KerasHit> AnalyseKerasConfig(const nlohmann::json& config,
                                         const KerasRules& rules = KerasRules::Default());

// Parses `config_text` and adds findings "AISEC-MODEL-<format_id>-<WHAT>" (LAMBDA, LAMBDA-BYTECODE,
// DANGEROUS-MODULE, DANGEROUS-FUNCTION, FOREIGN-MODULE, CUSTOM-OBJECT, SAFE-MODE-OFF), located at
// `offset`. A config that is not JSON is a warning.
void ReportKerasConfig(const ModelFile& file, ModelReport& report, std::string_view format_id,
                       std::string_view config_text, uint64_t offset);

}  // namespace aisec::assess::model
