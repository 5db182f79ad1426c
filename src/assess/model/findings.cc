#include "assess/model/findings.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "catalog/model/model_component.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::model {
namespace {

constexpr std::string_view kFile = "model-security/rules.yaml";

std::string Str(const YAML::Node& n, const char* key) {
  const YAML::Node v = n[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

}  // namespace

Result<SecurityRules> SecurityRules::Load(std::string_view yaml) {
  auto doc = ParseYaml(yaml, std::string(kFile));
  if (!doc.ok()) return doc.error();
  SecurityRules out;
  auto fail = [](const std::string& what) { return Status::Parse(std::string(kFile) + ": " + what); };
  try {
    if (Str(*doc, "version").empty()) return fail("no version");
    for (const auto& r : (*doc)["rules"]) {
      SecurityRule rule{Str(r, "id"), Str(r, "title"), Severity::kInfo, Str(r, "description"),
                Str(r, "remediation"), {}};
      auto sev = ParseSeverity(Str(r, "severity"));
      if (rule.id.empty() || rule.title.empty() || !sev || rule.remediation.empty()) {
        return fail("rule " + rule.id + " needs an id, a title, a severity and a remediation");
      }
      if (!rule.id.starts_with("AISEC-MODEL-")) return fail("rule id " + rule.id + " must start with AISEC-MODEL-");
      rule.severity = *sev;
      for (const auto& kv : r["frameworks"]) {
        auto& list = rule.frameworks[kv.first.as<std::string>()];
        for (const auto& e : kv.second) list.push_back(e.as<std::string>());
      }
      if (rule.frameworks.empty()) return fail("rule " + rule.id + " has no framework mapping");
      if (out.Find(rule.id) != nullptr) return fail("duplicate rule " + rule.id);
      out.rules_.push_back(std::move(rule));
    }
  } catch (const YAML::Exception& e) {
    return fail(e.what());
  }
  return out;
}

const SecurityRules& SecurityRules::Default() {
  static const SecurityRules kRules = [] {
    auto text = DataFile(kFile);
    auto loaded = text ? Load(*text) : Result<SecurityRules>(Status::NotFound("missing"));
    if (!loaded.ok()) {
      std::fprintf(stderr, "aisec: %s is broken: %s\n", std::string(kFile).c_str(),
                   loaded.error().message.c_str());
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return kRules;
}

const SecurityRule* SecurityRules::Find(std::string_view id) const {
  for (const auto& r : rules_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::unique_ptr<source::InputStream> OpenStream(ModelFile& file, ModelReport& report) {
  auto in = file.reader.Open(file.file);
  if (in.ok()) return std::move(*in);
  report.warnings.push_back(Warning{Location{report.path}, in.error().message, "model-security"});
  return nullptr;
}

std::unique_ptr<source::RandomAccess> OpenSource(ModelFile& file, ModelReport& report) {
  auto src = file.reader.OpenRandomAccess(file.file);
  if (src.ok()) return std::move(*src);
  report.warnings.push_back(Warning{Location{report.path}, src.error().message, "model-security"});
  return nullptr;
}

Beside ResolveBeside(const ModelFile& model, std::string_view name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(model.file.abs_path, ec).parent_path(), ec);
  fs::path target = fs::weakly_canonical(dir / fs::path(name), ec);
  std::string rel = target.lexically_relative(dir).generic_string();
  std::string rel_path = fs::path(model.file.rel_path).parent_path().append(name).generic_string();
  return Beside{.file = source::SourceFile{rel_path, target},
                .inside = !ec && !name.empty() && !rel.empty() && rel != "." && !rel.starts_with("..")};
}

std::string NormalRunPath(std::string_view rel_path) {
  return std::filesystem::path(rel_path).lexically_normal().generic_string();
}

std::string ModelComponentRef(const std::string& path) {
  return catalog::model::ModelComponent(path, "").Key();
}

void AddFinding(ModelReport& report, std::string_view rule_id, FindingDetail d) {
  const SecurityRule* rule = SecurityRules::Default().Find(rule_id);
  if (rule == nullptr) {
    std::fprintf(stderr, "aisec: unknown model rule %s\n", std::string(rule_id).c_str());
    std::abort();
  }
  Finding f;
  f.rule_id = rule->id;
  f.title = d.detail.empty() ? rule->title : rule->title + ": " + d.detail;
  f.severity = d.severity.value_or(rule->severity);
  f.component_ref = ModelComponentRef(report.path);
  f.description = rule->description;
  f.remediation = rule->remediation;
  f.frameworks = rule->frameworks;
  f.properties = std::move(d.properties);
  if (!d.technique.empty()) f.properties["aisec:technique"] = d.technique;
  if (!d.callable.empty()) f.properties["aisec:callable"] = d.callable;
  if (d.offset) f.properties["aisec:offset"] = std::to_string(*d.offset);
  if (!d.member.empty()) f.properties["aisec:member"] = d.member;
  std::string snippet = d.snippet;
  if (!d.member.empty()) snippet = d.member + ": " + snippet;
  f.evidence.push_back(Evidence{Location{report.path}, Snippet(SanitizeUtf8(snippet), 240), d.method});
  std::string discriminator = d.member + '\x1f' + (d.callable.empty() ? d.detail : d.callable);
  f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, report.path, discriminator);
  report.findings.push_back(std::move(f));
}

}  // namespace aisec::assess::model
