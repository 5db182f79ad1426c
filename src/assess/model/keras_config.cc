#include "assess/model/keras_config.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "assess/model/findings.h"
#include "assess/model/pickle_policy.h"
#include "core/data.h"
#include "core/parse.h"

namespace aisec::assess::model {
namespace {

using nlohmann::json;

struct KerasData {
  std::vector<std::string> allowed_modules;
  std::set<std::string> lambda_classes;
  std::set<std::string> safe_mode_keys;
};

const KerasData& Data() {
  static const KerasData kData = [] {
    KerasData d;
    auto text = DataFile("model-security/keras.yaml");
    auto doc = text ? ParseYaml(*text, "model-security/keras.yaml") : Result<YAML::Node>(Status::NotFound("missing"));
    if (!doc.ok()) {
      std::fprintf(stderr, "aisec: model-security/keras.yaml is broken\n");
      std::abort();
    }
    for (const auto& m : (*doc)["allowed_modules"]) d.allowed_modules.push_back(m.as<std::string>());
    for (const auto& c : (*doc)["lambda_classes"]) d.lambda_classes.insert(c.as<std::string>());
    for (const auto& k : (*doc)["safe_mode_keys"]) d.safe_mode_keys.insert(k.as<std::string>());
    return d;
  }();
  return kData;
}

bool AllowedModule(const std::string& module) {
  for (const auto& m : Data().allowed_modules) {
    if (module == m || module.starts_with(m + ".")) return true;
  }
  return false;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Walker {
 public:
  Walker(const std::string& member, ModelReport& report) : member_(member), report_(report) {}

  void Walk(const json& j, const std::string& path, int depth) {
    if (depth > 200) return;
    if (j.is_array()) {
      for (size_t i = 0; i < j.size(); ++i) Walk(j[i], path + "[" + std::to_string(i) + "]", depth + 1);
      return;
    }
    if (!j.is_object()) return;
    CheckObject(j, path);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (Data().safe_mode_keys.count(it.key()) && it->is_boolean() &&
          (it.key() == "safe_mode" ? !it->get<bool>() : it->get<bool>())) {
        AddFinding(report_, "AISEC-MODEL-KERAS-UNSAFE-MODE",
                   {.detail = it.key(), .technique = "code-execution", .member = member_,
                    .snippet = path + "." + it.key() + " = " + it->dump()});
      }
      Walk(*it, path + "." + it.key(), depth + 1);
    }
  }

 private:
  void CheckObject(const json& j, const std::string& path) {
    std::string cls = Str(j, "class_name");
    std::string module = Str(j, "module");
    if (Data().lambda_classes.count(cls)) CheckLambda(j, path);
    if (module.empty() || AllowedModule(module)) return;
    // The callable Keras resolves: registered name, a function's name in config, or the class.
    std::string name = Str(j, "registered_name");
    if (name.empty() && j.contains("config") && j["config"].is_string()) name = j["config"].get<std::string>();
    if (name.empty() || name.find('>') != std::string::npos) name = cls;
    GlobalVerdict v = PicklePolicy::Default().Classify(module, name);
    if (v.kind == GlobalVerdict::Kind::kAllowed) return;
    Severity sev = v.kind == GlobalVerdict::Kind::kDenied ? std::max(v.severity, Severity::kHigh) : Severity::kHigh;
    AddFinding(report_, "AISEC-MODEL-KERAS-MODULE",
               {.detail = module + "." + name, .severity = sev,
                .technique = v.technique.empty() ? "dynamic-import" : v.technique,
                .callable = module + "." + name, .member = member_,
                .snippet = path + ": module '" + module + "', class_name '" + cls + "'",
                .method = EvidenceMethod::kConfig});
  }

  void CheckLambda(const json& j, const std::string& path) {
    const json* config = j.contains("config") && j["config"].is_object() ? &j["config"] : nullptr;
    if (config == nullptr || !config->contains("function")) return;
    const json& fn = (*config)["function"];
    std::string code;
    if (fn.is_object() && Str(fn, "class_name") == "__lambda__" && fn.contains("config")) {
      code = Str(fn["config"], "code");  // Keras 3
    } else if (fn.is_array() && !fn.empty() && fn[0].is_string()) {
      code = fn[0].get<std::string>();  // Keras 2: [marshal base64, defaults, closure]
    } else if (fn.is_string() && Str(*config, "function_type") == "lambda") {
      code = fn.get<std::string>();
    }
    if (code.empty()) return;
    std::string layer = config->contains("name") && (*config)["name"].is_string() ? (*config)["name"].get<std::string>() : path;
    AddFinding(report_, "AISEC-MODEL-KERAS-LAMBDA",
               {.detail = layer, .technique = "bytecode", .callable = "Lambda " + layer, .member = member_,
                .snippet = path + ": Lambda layer '" + layer + "' with " + std::to_string(code.size()) +
                           " characters of marshalled bytecode",
                .method = EvidenceMethod::kConfig});
  }

  const std::string& member_;
  ModelReport& report_;
};

}  // namespace

void CheckKerasConfig(const json& config, const std::string& member, ModelReport& report) {
  Walker(member, report).Walk(config, "$", 0);
}

}  // namespace aisec::assess::model
