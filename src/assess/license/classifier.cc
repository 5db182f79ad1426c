#include "assess/license/classifier.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "assess/license/expression.h"
#include "core/data.h"
#include "core/glob.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::license {
namespace {

constexpr std::array<std::string_view, 8> kNames = {
    "permissive", "weak-copyleft", "proprietary", "use-restricted", "strong-copyleft",
    "network-copyleft", "non-commercial", "unknown"};

LicenseClass FromName(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<LicenseClass>(i);
  }
  return LicenseClass::kUnknown;
}

struct ClassInfo {
  LicenseClass cls;
  std::string title, condition;
  std::vector<std::string> globs;
  Severity severity = Severity::kInfo;
  bool report = false;
};

struct ModelLicense {
  std::string key, name, spdx_id;
  LicenseClass cls = LicenseClass::kUnknown;
  std::vector<std::string> conditions;
};

std::string FirstSentence(std::string s) {
  s = std::string(Trim(s));
  if (auto dot = s.find(". "); dot != std::string::npos && dot < 240) s.resize(dot + 1);
  if (s.size() > 240) s = s.substr(0, 237) + "...";
  return s;
}

struct Data {
  std::vector<ClassInfo> classes;  // in match order
  std::array<int, kNames.size()> rank{};  // restrictiveness; unknown ranks highest unless listed
  std::map<std::string, ModelLicense> models;  // lower-case key, hf id and name -> licence

  const ClassInfo* Info(LicenseClass c) const {
    for (const auto& i : classes) {
      if (i.cls == c) return &i;
    }
    return nullptr;
  }
};

// restrictiveness: least to most restrictive; a class not listed ranks after every listed one.
void ReadOrder(const YAML::Node& doc, Data* d) {
  int n = 0;
  for (const auto& c : doc["restrictiveness"]) d->rank[static_cast<size_t>(FromName(c.as<std::string>()))] = n++;
  for (size_t i = 0; i < kNames.size() && n > 0; ++i) {
    bool listed = false;
    for (const auto& c : doc["restrictiveness"]) listed = listed || c.as<std::string>() == kNames[i];
    if (!listed) d->rank[i] = n + static_cast<int>(i);
  }
}

// match_order: the order in which classes are tried for an id; classes not listed keep file order.
void SortByMatchOrder(const YAML::Node& doc, Data* d) {
  std::vector<std::string> order;
  for (const auto& c : doc["match_order"]) order.push_back(c.as<std::string>());
  auto pos = [&](const ClassInfo& c) {
    auto it = std::find(order.begin(), order.end(), LicenseClassName(c.cls));
    return it - order.begin();
  };
  std::stable_sort(d->classes.begin(), d->classes.end(),
                   [&](const ClassInfo& a, const ClassInfo& b) { return pos(a) < pos(b); });
}

const Data& Load() {
  static const Data kData = [] {
    Data d;
    std::map<std::string, LicenseClass> model_class;
    for (size_t i = 0; i < kNames.size(); ++i) d.rank[i] = static_cast<int>(i);
    if (auto text = DataFile("licenses/classes.yaml")) {
      if (auto doc = ParseYaml(*text, "licenses/classes.yaml"); doc.ok()) {
        ReadOrder(*doc, &d);
        for (const auto& c : (*doc)["classes"]) {
          ClassInfo info{FromName(c["id"].as<std::string>()), c["title"].as<std::string>(),
                         c["condition"].as<std::string>(""), {}};
          for (const auto& g : c["spdx"]) info.globs.push_back(g.as<std::string>());
          std::string sev = c["severity"].as<std::string>("none");
          info.report = sev != "none";
          if (auto s = ParseSeverity(sev)) info.severity = *s;
          d.classes.push_back(std::move(info));
        }
        SortByMatchOrder(*doc, &d);
        for (const auto& kv : (*doc)["model_classes"]) {
          model_class[kv.first.as<std::string>()] = FromName(kv.second.as<std::string>());
        }
      }
    }
    if (auto text = DataFile("licenses/model-licenses.yaml")) {
      if (auto doc = ParseYaml(*text, "licenses/model-licenses.yaml"); doc.ok()) {
        for (const auto& m : (*doc)["licenses"]) {
          ModelLicense ml;
          ml.key = m["key"].as<std::string>("");
          ml.name = m["name"].as<std::string>("");
          if (m["spdx_id"] && !m["spdx_id"].IsNull()) ml.spdx_id = m["spdx_id"].as<std::string>("");
          ml.cls = model_class.count(m["scanner_severity"].as<std::string>("unknown"))
                       ? model_class[m["scanner_severity"].as<std::string>("unknown")]
                       : LicenseClass::kUnknown;
          auto add = [&](const char* field, const char* label) {
            if (m[field] && m[field].IsScalar() && !m[field].as<std::string>("").empty()) {
              ml.conditions.push_back(std::string(label) + ": " + FirstSentence(m[field].as<std::string>()));
            }
          };
          add("commercial_use", "commercial use");
          add("user_threshold", "user threshold");
          add("use_restrictions", "use restrictions");
          add("attribution", "attribution");
          add("outputs_and_derivatives", "outputs and derivatives");
          for (std::string k : {ml.key, ml.name}) {
            if (!k.empty()) d.models.emplace(ToLower(k), ml);
          }
          std::string hf = m["hf_id"].as<std::string>("");
          hf = std::string(Trim(hf.substr(0, hf.find(' '))));
          if (!hf.empty() && hf != "other") d.models.emplace(ToLower(hf), ml);
        }
      }
    }
    return d;
  }();
  return kData;
}

const ModelLicense* FindModel(const Data& d, std::string_view id) {
  std::string key = ToLower(id);
  if (key.starts_with("licenseref-")) key = key.substr(11);
  auto it = d.models.find(key);
  return it == d.models.end() ? nullptr : &it->second;
}

LicenseClass ClassOfId(const Data& d, const Expr& e) {
  if (e.id == "LicenseRef-public-domain") return LicenseClass::kPermissive;
  // An exception that is not on the SPDX list changes the terms in a way we cannot know.
  if (!e.exception.empty() && !IsSpdxException(e.exception)) return LicenseClass::kUnknown;
  for (const auto& c : d.classes) {
    for (const auto& g : c.globs) {
      if (GlobMatch(g, e.id)) {
        // GPL with a linking exception (Classpath, GCC runtime, LLVM) behaves as weak copyleft.
        if (c.cls == LicenseClass::kStrongCopyleft && !e.exception.empty()) return LicenseClass::kWeakCopyleft;
        return c.cls;
      }
    }
  }
  if (const ModelLicense* ml = FindModel(d, e.id)) return ml->cls;
  return LicenseClass::kUnknown;
}

LicenseClass ClassOf(const Data& d, const Expr& e) {
  if (e.op == Expr::Op::kLicense) return ClassOfId(d, e);
  std::optional<LicenseClass> out;
  for (const auto& t : e.terms) {
    LicenseClass c = ClassOf(d, t);
    if (!out) {
      out = c;
      continue;
    }
    int rc = d.rank[static_cast<size_t>(c)], ro = d.rank[static_cast<size_t>(*out)];
    if (e.op == Expr::Op::kOr ? rc < ro : rc > ro) out = c;
  }
  return out.value_or(LicenseClass::kUnknown);
}

// Model licences inside an expression ("MIT AND llama3.1") become LicenseRef-<key> (they have no
// SPDX id) and bring their conditions; the keys found are collected in `out->model_license`.
void ResolveModelLicences(const Data& d, Expr& e, Classification* out) {
  if (e.op != Expr::Op::kLicense) {
    for (auto& t : e.terms) ResolveModelLicences(d, t, out);
    return;
  }
  if (IsSpdxLicense(e.id)) return;
  const ModelLicense* ml = FindModel(d, e.id);
  if (!ml) return;
  e.id = !ml->spdx_id.empty() ? ml->spdx_id : "LicenseRef-" + ml->key;
  e.known = true;
  if (("," + out->model_license + ",").find("," + ml->key + ",") != std::string::npos) return;
  out->model_license += (out->model_license.empty() ? "" : ",") + ml->key;
  for (const auto& c : ml->conditions) out->conditions.push_back(ml->name + ": " + c);
}

void Fill(const Data& d, Classification* out) {
  if (const ClassInfo* info = d.Info(out->cls)) {
    out->title = info->title;
    out->severity = info->severity;
    out->report = info->report;
    if (!info->condition.empty()) out->conditions.insert(out->conditions.begin(), info->condition);
  } else {
    out->title = "Unknown licence";
    out->severity = Severity::kLow;
    out->report = true;
    out->conditions.push_back("The licence could not be identified; review its terms before use.");
  }
}

}  // namespace

std::string_view LicenseClassName(LicenseClass c) { return kNames[static_cast<size_t>(c)]; }

Classification Classify(std::string_view license_text) {
  const Data& d = Load();
  Classification out;
  std::string text(Trim(license_text));
  if (auto it = d.models.find(ToLower(text)); it != d.models.end()) {
    const ModelLicense& ml = it->second;
    out.model_license = ml.key;
    out.expression = !ml.spdx_id.empty() ? ml.spdx_id : "LicenseRef-" + ml.key;
    out.cls = ml.cls;
    out.conditions = ml.conditions;
    Fill(d, &out);
    return out;
  }
  auto expr = ParseExpression(text);
  if (!expr.ok()) {
    out.expression = "LicenseRef-unparsed";
    out.cls = LicenseClass::kUnknown;
    Fill(d, &out);
    out.conditions.push_back("Licence text as written: " + Snippet(text, 120));
    return out;
  }
  ResolveModelLicences(d, *expr, &out);
  out.expression = expr->ToString();
  out.cls = ClassOf(d, *expr);
  if (!expr->note.empty()) out.conditions.push_back(expr->note);
  Fill(d, &out);
  return out;
}

}  // namespace aisec::assess::license
