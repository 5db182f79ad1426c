#include "catalog/code/knowledge.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "catalog/ai_catalog.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"
#include "core/thread_pool.h"

namespace aisec::catalog::code {
namespace {

// Model ids must stand alone: not part of a longer identifier, path or version.
constexpr std::string_view kModelBefore = "(?:^|[^A-Za-z0-9_.-])(";
constexpr std::string_view kModelAfter = ")(?:$|[^A-Za-z0-9_.-])";

std::string EscapeRegex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') out += '\\';
    out += c;
  }
  return out;
}

std::string Str(const YAML::Node& n, const char* key, std::string fallback = {}) {
  const YAML::Node v = n[key];
  return v && v.IsScalar() ? v.as<std::string>() : fallback;
}

Result<YAML::Node> LoadData(const char* path) {
  auto text = DataFile(path);
  if (!text) return Status::NotFound(std::string("missing data file ") + path);
  return ParseYaml(*text, path);
}

Region ParseRegion(const std::string& s) {
  if (s == "string") return Region::kString;
  if (s == "any") return Region::kComment;  // "anywhere"
  return Region::kCode;
}

// Purl type of the packages each language family imports.
std::string_view EcosystemOf(std::string_view family) {
  if (family == "python") return "pypi";
  if (family == "js") return "npm";
  if (family == "go") return "golang";
  if (family == "jvm") return "maven";
  if (family == "dotnet") return "nuget";
  if (family == "rust") return "cargo";
  if (family == "ruby") return "gem";
  if (family == "php") return "composer";
  return {};
}

// The names a package is imported by in its family's code.
std::vector<std::string> ImportNames(const AiPackage& p, std::string_view family) {
  if (!p.imports.empty()) return p.imports;
  if (family == "python" || family == "rust") {
    std::string n = p.name;
    for (char& c : n) {
      if (c == '-') c = '_';
    }
    return {n};
  }
  if (family == "js" || family == "go" || family == "ruby" || family == "dotnet") return {p.name};
  return {};  // Maven and Composer coordinates say nothing of the code's package names
}

struct PendingSet {
  std::string name;
  RuleSet* set;
  std::vector<PatternSpec> specs;
};

// The sets are independent, and each takes a noticeable part of a second to compile when the
// pattern cache is cold: compile them side by side.
Status CompileAll(const std::vector<PendingSet>& pending) {
  std::vector<Status> status(pending.size());
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  ThreadPool pool(static_cast<unsigned>(std::min<size_t>(pending.size(), cores)));
  pool.ParallelFor(pending.size(), [&](size_t i) {
    auto compiled = PatternSet::Compile(pending[i].specs);
    if (!compiled.ok()) {
      status[i] = Status::Invalid(pending[i].name + " patterns: " + compiled.error().message);
      return;
    }
    pending[i].set->patterns = std::move(compiled).value();
  });
  for (auto& st : status) {
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Knowledge>> Knowledge::Build() {
  std::unique_ptr<Knowledge> k(new Knowledge());
  auto langs = LoadData("code/languages.yaml");
  auto usage = LoadData("code/usage.yaml");
  auto models = LoadData("models/model-patterns.yaml");
  auto hubs = LoadData("models/hub-calls.yaml");
  auto endpoints = LoadData("models/endpoints.yaml");
  auto constants = LoadData("models/sdk-constants.yaml");
  auto keys = LoadData("secrets/ai-keys.yaml");
  auto risks = LoadData("rules/code-risks.yaml");
  for (auto* r : {&langs, &usage, &models, &hubs, &endpoints, &constants, &keys, &risks}) {
    if (!r->ok()) return r->error();
  }
  try {
    for (const auto& l : (*langs)["languages"]) {
      Language lang{Str(l, "id"), Str(l, "family"), {}};
      for (const auto& x : l["line_comments"]) lang.syntax.line_comments.push_back(x.as<std::string>());
      for (const auto& x : l["block_comments"]) {
        lang.syntax.block_comments.emplace_back(x[0].as<std::string>(), x[1].as<std::string>());
      }
      for (const auto& x : l["strings"]) lang.syntax.strings.push_back(x.as<std::string>());
      for (const auto& x : l["raw_strings"]) lang.syntax.raw_strings.push_back(x.as<std::string>());
      for (const auto& x : l["extensions"]) k->by_extension_[x.as<std::string>()] = k->languages_.size();
      k->languages_.push_back(std::move(lang));
    }
    for (const auto& e : (*endpoints)["endpoints"]) {
      std::string provider = Str(e, "provider");
      if (!k->service_by_provider_.count(provider)) k->service_by_provider_[provider] = Str(e, "service");
    }
    std::string model_keys = (*usage)["model_keys"].as<std::string>();
    k->model_key_ = std::make_unique<re2::RE2>("[\"']?" + model_keys + "[\"']?\\s*[:=(]\\s*[\"']?\\s*$");
    if (!k->model_key_->ok()) return Status::Invalid("usage.yaml model_keys: " + k->model_key_->error());
    std::string deployment_keys = (*usage)["deployment_keys"].as<std::string>();

    // Rules every set shares: models, endpoints, secrets, deployments, provider variables.
    auto add_calls = [&](RuleSet& set, std::vector<PatternSpec>& specs, std::string_view family) {
      for (const auto& c : (*usage)["calls"]) {
        if (Str(c, "family") != family) continue;
        Rule r{.kind = RuleKind::kCall, .region = ParseRegion(Str(c, "region", "code")),
               .provider = Str(c, "provider")};
        std::string pkg = Str(c, "package");
        if (auto slash = pkg.find('/'); slash != std::string::npos) {
          r.package_ecosystem = pkg.substr(0, slash);
          r.package_name = pkg.substr(slash + 1);
        }
        specs.push_back({Str(c, "regex"), false});
        set.rules.push_back(std::move(r));
      }
    };
    // Rules shared by code and configuration, compiled once: in code their matches must be in
    // string literals (models, endpoints) or anywhere (keys, provider variables).
    auto add_shared = [&](RuleSet& set, std::vector<PatternSpec>& specs) {
      for (const auto& m : (*models)["patterns"]) {
        Rule r{.kind = RuleKind::kModel, .region = Region::kString,
               .id = Str(m, "id"), .provider = Str(m, "provider"), .family = Str(m, "family"),
               .task = Str(m, "task")};
        r.needs_key = m["needs_key"] && m["needs_key"].as<bool>();
        bool caseless = m["caseless"] && m["caseless"].as<bool>();
        specs.push_back({std::string(kModelBefore) + Str(m, "regex") + std::string(kModelAfter), caseless});
        set.rules.push_back(std::move(r));
      }
      for (const auto& e : (*endpoints)["endpoints"]) {
        Rule r{.kind = RuleKind::kEndpoint, .region = Region::kString,
               .provider = Str(e, "provider"), .service = Str(e, "service")};
        r.local = Str(e, "kind") == "local";
        r.confidence = e["confidence"] ? e["confidence"].as<double>() : 0.8;
        specs.push_back({"(" + Str(e, "regex") + ")", true});
        set.rules.push_back(std::move(r));
      }
      for (const auto& s : (*keys)["keys"]) {
        Rule r{.kind = RuleKind::kSecret, .region = Region::kComment, .id = Str(s, "id"),
               .provider = Str(s, "provider")};
        r.keep = s["keep"] ? s["keep"].as<int>() : 4;
        std::string re = Str(s, "regex");
        if (re.find('(') == std::string::npos || re.find("(?") == 0) re = "(" + re + ")";
        std::string anchor = Str(s, "anchor");
        if (anchor.empty()) specs.push_back({re, false});
        else specs.push_back({anchor, false, re});
        set.rules.push_back(std::move(r));
      }
      specs.push_back({deployment_keys + "[\"']?\\s*[:=]\\s*[\"']([A-Za-z0-9._-]{1,64})[\"']", false});
      set.rules.push_back(Rule{.kind = RuleKind::kDeployment, .region = Region::kComment,
                               .provider = "Azure OpenAI"});
      add_calls(set, specs, "any");
    };

    std::vector<std::pair<std::string, std::string>> risk_regex;  // (anchor, regex)
    for (const auto& n : (*risks)["rules"]) {
      RiskRule rr;
      rr.id = Str(n, "id");
      rr.title = Str(n, "title");
      rr.description = Str(n, "description");
      rr.remediation = Str(n, "remediation");
      auto sev = ParseSeverity(Str(n, "severity"));
      if (!sev) return Status::Parse("code-risks.yaml: bad severity in " + rr.id);
      rr.severity = *sev;
      if (n["confidence"]) rr.confidence = n["confidence"].as<double>();
      for (const auto& x : n["cwe"]) rr.cwe.push_back(x.as<std::string>());
      for (const auto& x : n["owasp_llm_2025"]) rr.owasp.push_back(x.as<std::string>());
      for (const auto& x : n["families"]) rr.families.push_back(x.as<std::string>());
      if (const YAML::Node req = n["require_arg"]) {
        rr.require_arg = Str(req, "name");
        rr.require_value = std::make_unique<re2::RE2>(Str(req, "value"));
        if (!rr.require_value->ok()) return Status::Parse("code-risks.yaml: " + rr.id + ": bad require_arg value");
      }
      if (const YAML::Node local = n["local_arg"]) {
        for (const auto& x : local["names"]) rr.local_arg_names.push_back(x.as<std::string>());
        rr.local_arg = std::make_unique<re2::RE2>(Str(local, "value"));
        if (!rr.local_arg->ok()) return Status::Parse("code-risks.yaml: " + rr.id + ": bad local_arg value");
      }
      if (n["file_needs"]) {
        rr.file_needs = std::make_unique<re2::RE2>(Str(n, "file_needs"));
        if (!rr.file_needs->ok()) return Status::Parse("code-risks.yaml: " + rr.id + ": bad file_needs");
      }
      if (const YAML::Node ex = n["examples"]) {
        for (const auto& x : ex["positive"]) rr.positive.push_back(x.as<std::string>());
        for (const auto& x : ex["negative"]) rr.negative.push_back(x.as<std::string>());
      }
      risk_regex.push_back({Str(n, "anchor"), Str(n, "regex")});
      k->risks_.push_back(std::move(rr));
    }

    const auto& catalog = AiCatalog::Default();
    std::vector<std::string> families;
    for (const auto& l : k->languages_) {
      if (std::find(families.begin(), families.end(), l.family) == families.end()) families.push_back(l.family);
    }
    std::vector<PendingSet> pending;
    for (const auto& family : families) {
      RuleSet set;
      std::vector<PatternSpec> specs;
      const YAML::Node tmpl = (*usage)["import_templates"][family];
      std::string_view eco = EcosystemOf(family);
      if (tmpl && !eco.empty()) {
        auto fill = [](std::string t, const std::string& value) {
          for (size_t pos; (pos = t.find("{name}")) != std::string::npos;) t.replace(pos, 6, value);
          return t;
        };
        std::string verify = Str(tmpl, "verify");
        for (const auto& p : catalog.packages()) {
          if (p.ecosystem != eco) continue;
          for (const auto& name : ImportNames(p, family)) {
            std::string escaped = EscapeRegex(name);
            for (const auto& lit : tmpl["literals"]) {
              specs.push_back({EscapeRegex(fill(lit.as<std::string>(), name)), false, fill(verify, escaped)});
              set.rules.push_back(Rule{.kind = RuleKind::kImport, .region = ParseRegion(Str(tmpl, "region")),
                                       .provider = p.provider, .package_ecosystem = p.ecosystem,
                                       .package_name = p.name, .import_length = name.size()});
            }
          }
        }
      }
      if (family == "python" || family == "js") {
        for (const auto& h : (*hubs)["calls"]) {
          Rule r{.kind = RuleKind::kHubCall, .region = Region::kCode, .hub = Str(h, "hub"),
                 .hub_kind = Str(h, "kind")};
          for (const auto& a : h["args"]) r.args.push_back(a.as<std::string>());
          r.positional = !h["positional"] || h["positional"].as<bool>();
          specs.push_back({"(?:^|[^A-Za-z0-9_])" + EscapeRegex(Str(h, "name")) + "[ \\t]*\\(", false});
          set.rules.push_back(std::move(r));
        }
      }
      for (const auto& c : (*constants)["constants"]) {
        if (Str(c, "family") != family) continue;
        specs.push_back({"\\b" + EscapeRegex(Str(c, "constant")) + "\\b", false});
        set.rules.push_back(Rule{.kind = RuleKind::kConstant, .region = Region::kCode,
                                 .provider = Str(c, "provider"), .model = Str(c, "model")});
      }
      add_calls(set, specs, family);
      for (size_t i = 0; i < k->risks_.size(); ++i) {
        const auto& fams = k->risks_[i].families;
        if (std::find(fams.begin(), fams.end(), family) == fams.end()) continue;
        const auto& [anchor, regex] = risk_regex[i];
        if (anchor.empty()) specs.push_back({regex, false});
        else specs.push_back({anchor, false, regex});
        set.rules.push_back(Rule{.kind = RuleKind::kRisk, .region = Region::kCode, .risk = i});
      }
      RuleSet& stored = k->by_family_[family] = std::move(set);  // map nodes do not move
      pending.push_back({family, &stored, std::move(specs)});
    }
    pending.push_back({"shared", &k->shared_, {}});
    add_shared(k->shared_, pending.back().specs);
    if (Status st = CompileAll(pending); !st.ok()) return st;
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("code knowledge data: ") + e.what());
  }
  return k;
}

const Knowledge& Knowledge::Get() {
  static const std::unique_ptr<Knowledge> kKnowledge = [] {
    auto built = Build();
    if (!built.ok()) {
      std::fprintf(stderr, "aisec: the code detection data is broken: %s\n", built.error().message.c_str());
      std::abort();
    }
    return std::move(built).value();
  }();
  return *kKnowledge;
}

const Language* Knowledge::LanguageFor(std::string_view basename) const {
  auto dot = basename.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  auto it = by_extension_.find(ToLower(basename.substr(dot)));
  return it == by_extension_.end() ? nullptr : &languages_[it->second];
}

const RuleSet* Knowledge::ForFamily(std::string_view family) const {
  auto it = by_family_.find(std::string(family));
  return it == by_family_.end() ? nullptr : &it->second;
}

bool Knowledge::PrecededByModelKey(std::string_view line_prefix) const {
  if (line_prefix.size() > 80) line_prefix = line_prefix.substr(line_prefix.size() - 80);
  return re2::RE2::PartialMatch(re2::StringPiece(line_prefix.data(), line_prefix.size()), *model_key_);
}

std::string Knowledge::ServiceFor(std::string_view provider) const {
  auto it = service_by_provider_.find(std::string(provider));
  return it != service_by_provider_.end() ? it->second : std::string(provider) + " API";
}

}  // namespace aisec::catalog::code
