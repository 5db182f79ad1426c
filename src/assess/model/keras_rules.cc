#include "core/json_field.h"
#include "assess/model/keras_rules.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "assess/model/model_finding.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::model {
namespace {

using nlohmann::json;

// `module` equals `prefix` or starts with "prefix.".
bool UnderPrefix(std::string_view module, std::string_view prefix) {
  return module == prefix || (module.starts_with(prefix) && module.size() > prefix.size() &&
                              module[prefix.size()] == '.');
}

// Decoded base64 that starts like a marshalled code object ('c', possibly with the reference flag).
bool LooksLikeBytecode(std::string_view b64) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (b64.size() < 4) return false;
  auto v0 = kAlphabet.find(b64[0]), v1 = kAlphabet.find(b64[1]);
  if (v0 == std::string_view::npos || v1 == std::string_view::npos) return false;
  uint8_t first = static_cast<uint8_t>((v0 << 2) | (v1 >> 4));
  return (first & 0x7F) == 'c';
}

class Analyser {
 public:
  explicit Analyser(const KerasRules& rules) : rules_(rules) {}

  void Walk(const json& v, const std::string& where) {
    if (v.is_array()) {
      for (const auto& x : v) Walk(x, where);
      return;
    }
    if (!v.is_object()) return;
    std::string here = where;
    if (auto cfg = v.find("config"); cfg != v.end() && cfg->is_object()) {
      if (std::string name = JsonString(*cfg, "name"); !name.empty()) here = name;
    }
    Object(v, here);
    for (const auto& [k, x] : v.items()) {
      if ((k == "safe_mode" || k == "enable_unsafe_deserialization") && x.is_boolean()) {
        bool unsafe = k == "safe_mode" ? !x.get<bool>() : x.get<bool>();
        if (unsafe) Add("safe-mode-off", Severity::kHigh, here, k + " set in the config");
      }
      Walk(x, here);
    }
  }

  std::vector<KerasHit> hits;

 private:
  void Add(std::string what, Severity s, const std::string& where, std::string detail) {
    if (!seen_.insert(what + "\x1f" + where + "\x1f" + detail).second) return;
    hits.push_back(KerasHit{std::move(what), s, where, std::move(detail)});
  }

  void Object(const json& v, const std::string& where) {
    std::string cls = JsonString(v, "class_name");
    if (cls == "Lambda") Lambda(v, where);
    if (cls == "__lambda__") {
      Add("lambda-bytecode", Severity::kCritical, where, "serialised lambda with bytecode");
    }
    std::string module = JsonString(v, "module");
    if (!module.empty() && !cls.empty()) Module(v, module, cls, where);
    std::string registered = JsonString(v, "registered_name");
    if (registered.find('>') != std::string::npos && (module.empty() || rules_.Trusted(module))) {
      Add("custom-object", Severity::kLow, where, "registered custom object " + Snippet(registered, 80));
    }
  }

  // Keras 2: config.function is [base64 bytecode, defaults, closure] (function_type "lambda") or a
  // function name (function_type "function", with config.module). Keras 3: {"class_name":
  // "__lambda__", "config": {"code": …}}, reported by Object().
  void Lambda(const json& v, const std::string& where) {
    auto cfg = v.find("config");
    if (cfg == v.end() || !cfg->is_object()) return;
    auto fn = cfg->find("function");
    std::string type = JsonString(*cfg, "function_type");
    if (fn != cfg->end() && fn->is_array() && !fn->empty() && (*fn)[0].is_string() &&
        LooksLikeBytecode((*fn)[0].get<std::string>())) {
      return Add("lambda-bytecode", Severity::kCritical, where, "Lambda layer with marshalled bytecode");
    }
    if (fn != cfg->end() && fn->is_string()) {  // a named function, judged by its module
      return Function(JsonString(*cfg, "module"), fn->get<std::string>(), where);
    }
    if (fn != cfg->end() && fn->is_object()) return;  // Keras 3 forms, judged by Object()
    Add("lambda", Severity::kHigh, where,
        "Lambda layer" + (type.empty() ? std::string() : " (" + Snippet(type, 20) + ")"));
  }

  void Function(const std::string& module, const std::string& name, const std::string& where) {
    if (rules_.DangerousFunction(name) || (!module.empty() && rules_.Dangerous(module))) {
      Add("dangerous-function", Severity::kCritical, where,
          "calls " + Snippet(module.empty() ? name : module + "." + name, 120));
    } else if (!module.empty() && !rules_.Trusted(module)) {
      Add("foreign-module", Severity::kMedium, where, "function from module " + Snippet(module, 80));
    }
  }

  void Module(const json& v, const std::string& module, const std::string& cls,
              const std::string& where) {
    if (cls == "function") {
      auto cfg = v.find("config");
      Function(module, cfg != v.end() && cfg->is_string() ? cfg->get<std::string>() : "", where);
      return;
    }
    if (const Severity* s = rules_.Dangerous(module)) {
      Add("dangerous-module", *s, where, "imports " + Snippet(module + "." + cls, 120));
    } else if (!rules_.Trusted(module)) {
      Add("foreign-module", Severity::kMedium, where,
          "imports " + Snippet(module + "." + cls, 120) + " on load");
    }
  }

  const KerasRules& rules_;
  std::set<std::string> seen_;
};

constexpr std::string_view kKerasFix =
    "Do not load this model with safe_mode=False or the legacy HDF5 loader. Rebuild the model "
    "from code you trust and load only its weights.";

}  // namespace

Result<KerasRules> KerasRules::Load(std::string_view yaml) {
  auto doc = ParseYaml(yaml, "model/keras-rules.yaml");
  if (!doc.ok()) return doc.error();
  KerasRules r;
  try {
    if (!(*doc)["version"]) return Status::Parse("keras-rules: no version");
    for (const auto& m : (*doc)["trusted_modules"]) r.trusted_.push_back(m.as<std::string>());
    for (const auto& m : (*doc)["dangerous_modules"]) {
      auto s = ParseSeverity(m["severity"].as<std::string>());
      if (!s) return Status::Parse("keras-rules: bad severity");
      if (!r.dangerous_.emplace(m["module"].as<std::string>(), *s).second) {
        return Status::Parse("keras-rules: duplicate module " + m["module"].as<std::string>());
      }
    }
    for (const auto& f : (*doc)["dangerous_functions"]) r.functions_.push_back(f.as<std::string>());
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("keras-rules: ") + e.what());
  }
  std::vector<std::string> fns = r.functions_;
  std::sort(fns.begin(), fns.end());
  if (std::adjacent_find(fns.begin(), fns.end()) != fns.end()) {
    return Status::Parse("keras-rules: duplicate function");
  }
  for (const auto& t : r.trusted_) {
    if (r.Dangerous(t)) return Status::Parse("keras-rules: " + t + " is trusted and dangerous");
  }
  if (r.trusted_.empty() || r.dangerous_.empty()) return Status::Parse("keras-rules: empty lists");
  return r;
}

const KerasRules& KerasRules::Default() {
  static const KerasRules rules = LoadShippedData("model/keras-rules.yaml", Load);
  return rules;
}

bool KerasRules::Trusted(std::string_view module) const {
  return std::any_of(trusted_.begin(), trusted_.end(),
                     [&](const std::string& p) { return UnderPrefix(module, p); });
}

const Severity* KerasRules::Dangerous(std::string_view module) const {
  for (const auto& [prefix, severity] : dangerous_) {
    if (UnderPrefix(module, prefix)) return &severity;
  }
  return nullptr;
}

bool KerasRules::DangerousFunction(std::string_view name) const {
  return std::find(functions_.begin(), functions_.end(), name) != functions_.end();
}

std::vector<KerasHit> AnalyseKerasConfig(const json& config, const KerasRules& rules) {
  Analyser a(rules);
  a.Walk(config, "model");
  return std::move(a.hits);
}

void ReportKerasConfig(const ModelFile& file, ModelReport& report, std::string_view format_id,
                       std::string_view config_text, uint64_t offset) {
  auto config = ParseJson(config_text, file.file.rel_path);
  if (!config.ok()) {
    report.warnings.push_back(Warning{Location{file.file.rel_path},
                                      "model_config is not JSON: " + config.error().message,
                                      "model/keras"});
    return;
  }
  for (const KerasHit& hit : AnalyseKerasConfig(*config)) {
    std::string what = hit.what;
    std::transform(what.begin(), what.end(), what.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string id = "AISEC-MODEL-" + std::string(format_id) + "-" + what;
    bool code = hit.what.starts_with("lambda") || hit.what.starts_with("dangerous");
    std::string title = "Keras config: " + hit.detail;
    Rule rule{.id = id,
              .title = title,
              .severity = hit.severity,
              .technique = code ? "code-execution-on-load" : "unsafe-deserialization",
              .remediation = kKerasFix,
              .cwe = code ? "CWE-94" : "CWE-502",
              .atlas = "AML.T0011.000"};
    AddFinding(file, report, rule,
               Hit{.description = hit.detail + " in layer '" + Snippet(hit.where, 80) + "'",
                   .offset = offset,
                   .discriminator = hit.what + ":" + hit.where + ":" + hit.detail,
                   .snippet = hit.detail});
  }
}

}  // namespace aisec::assess::model
