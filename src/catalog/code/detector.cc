#include "catalog/code/detector.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "catalog/code/call_args.h"
#include "core/digest.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

constexpr std::string_view kSource = "code";

struct ModelRef {
  size_t start, end;
  std::string id;
  const Rule* rule;  // kModel, kHubCall or kConstant
  double confidence;
  EvidenceMethod method;
  bool dataset = false;
};

bool LooksLikeHubId(std::string_view id) {
  if (id.empty() || id.size() > 96 || id.front() == '.' || id.front() == '/' || id.front() == '-') return false;
  if (std::count(id.begin(), id.end(), '/') > 1) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/';
  });
}

double Entropy(std::string_view s) {
  int counts[256] = {};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  for (int n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / static_cast<double>(s.size());
    h -= p * std::log2(p);
  }
  return h;
}

class Detection {
 public:
  Detection(const DetectInput& in, Sink& sink) : in_(in), sink_(sink) {}

  void Run() {
    std::vector<std::pair<const RuleSet*, PatternMatch>> matches;
    for (const RuleSet* set : {in_.family, &in_.shared}) {
      if (set == nullptr) continue;
      set->patterns->Scan(in_.text, [&](const PatternMatch& m) { matches.emplace_back(set, m); });
    }
    if (matches.empty()) return;  // most files: no lexing, no line index
    if (in_.syntax) regions_ = RegionMap(in_.text, *in_.syntax);
    // Credentials first, so that no evidence snippet built afterwards can carry one.
    for (const auto& [set, m] : matches) {
      if (set->rules[m.id].kind == RuleKind::kSecret) Handle(set->rules[m.id], m);
    }
    for (const auto& [set, m] : matches) {
      if (set->rules[m.id].kind != RuleKind::kSecret) Handle(set->rules[m.id], m);
    }
    EmitImports();
    EmitModels();
    Relate();
  }

 private:
  bool InRegion(size_t offset, Region want) const {
    if (!in_.syntax || want == Region::kComment) return true;
    return regions_.At(offset) == want;
  }

  Location Locate(size_t offset) {
    if (in_.locate) return in_.locate(offset);
    if (!lines_) lines_.emplace(in_.text);
    return Location{in_.path, lines_->Line(offset), lines_->Column(offset), 0};
  }

  std::string LineSnippet(size_t offset) {
    if (!lines_) lines_.emplace(in_.text);
    std::string line(lines_->LineText(lines_->Line(offset)));
    for (const auto& [secret, redacted] : secrets_) {
      for (size_t pos; (pos = line.find(secret)) != std::string::npos;) line.replace(pos, secret.size(), redacted);
    }
    std::string snippet = Snippet(line);
    // A snippet cut in the middle of a secret keeps a prefix of it: drop the snippet then.
    for (const auto& [secret, _] : secrets_) {
      if (Contains(snippet, secret.substr(0, std::min<size_t>(secret.size(), 12)))) return "[redacted]";
    }
    return snippet;
  }

  std::string_view LinePrefix(size_t offset) const {
    size_t nl = in_.text.rfind('\n', offset == 0 ? 0 : offset - 1);
    size_t from = nl == std::string_view::npos ? 0 : nl + 1;
    return in_.text.substr(from, offset - from);
  }

  void Handle(const Rule& r, const PatternMatch& m) {
    size_t group_start = !m.groups.empty() && m.groups[0].data()
                             ? static_cast<size_t>(m.groups[0].data() - in_.text.data())
                             : m.start;
    switch (r.kind) {
      case RuleKind::kImport:
        if (InRegion(m.start, r.region)) imports_.push_back({m.start, &r});
        return;
      case RuleKind::kCall:
        if (!InRegion(m.start, r.region)) return;
        if (!r.package_name.empty()) AddLibrary(r, m.start, EvidenceMethod::kCall);
        if (!r.provider.empty()) AddService(r.provider, "", m.start, 0.8, false);
        return;
      case RuleKind::kModel: {
        if (!InRegion(group_start, r.region)) return;
        bool keyed = in_.syntax ? KeyedInString(group_start) : KeyedInConfig(group_start);
        if (r.needs_key && !keyed) return;
        // In code, an unkeyed model name counts only when it is the whole string literal (or a
        // URL path segment): "gpt-4o" is a reference, "we tried gpt-4o" is prose.
        if (in_.syntax && !keyed && !WholeLiteral(group_start, m.groups[0])) return;
        models_.push_back({group_start, group_start + m.groups[0].size(), std::string(m.groups[0]), &r,
                           keyed ? 0.9 : 0.6, in_.syntax ? EvidenceMethod::kString : EvidenceMethod::kConfig});
        return;
      }
      case RuleKind::kHubCall:
        if (!InRegion(m.end - 1, Region::kCode)) return;
        HubCall(r, m.end);
        return;
      case RuleKind::kConstant:
        if (!InRegion(m.start, Region::kCode)) return;
        models_.push_back({m.start, m.end, r.model, &r, 0.9, EvidenceMethod::kCall});
        return;
      case RuleKind::kDeployment:
        if (m.groups.empty() || m.groups[0].empty()) return;
        models_.push_back({group_start, group_start + m.groups[0].size(), std::string(m.groups[0]), &r, 0.7,
                           EvidenceMethod::kConfig});
        return;
      case RuleKind::kEndpoint:
        if (in_.syntax && regions_.At(m.start) == Region::kComment) return;  // documentation
        AddService(r.provider, std::string(m.groups.empty() ? std::string_view() : m.groups[0]), m.start,
                   r.confidence, r.local, &r);
        return;
      case RuleKind::kSecret:
        Secret(r, m, group_start);
        return;
      case RuleKind::kRisk:
        if (!InRegion(m.start, Region::kCode)) return;
        Risk(knowledge().risks()[r.risk], m);
        return;
    }
  }

  void Risk(const RiskRule& rule, const PatternMatch& m) {
    if (rule.file_needs && !re2::RE2::PartialMatch(re2::StringPiece(in_.text.data(), in_.text.size()), *rule.file_needs)) {
      return;
    }
    if (!rule.require_arg.empty() && m.end > 0 && in_.text[m.end - 1] == '(') {
      CallArgs args = ReadCallArgs(in_.text, m.end);
      auto it = args.raw.find(rule.require_arg);
      if (it != args.raw.end() &&
          re2::RE2::PartialMatch(re2::StringPiece(it->second.data(), it->second.size()), *rule.require_value)) {
        return;
      }
      if (rule.local_arg && LocalArgument(rule, args, m.start)) return;
    }
    Finding f;
    f.rule_id = rule.id;
    f.title = rule.title;
    f.severity = rule.severity;
    f.confidence = rule.confidence;
    f.evidence.push_back(Evidence{Locate(m.start), LineSnippet(m.start), EvidenceMethod::kCall});
    f.description = rule.description;
    f.remediation = rule.remediation;
    f.frameworks["cwe"] = rule.cwe;
    f.frameworks["owasp_llm_2025"] = rule.owasp;
    // The line's code, whitespace-collapsed: stable when lines move, distinct per call.
    f.fingerprint = Finding::Fingerprint(f.rule_id, "", in_.path, f.evidence.back().snippet);
    sink_.Report(std::move(f));
  }

  // True when the call's model argument is a local path: a path literal or expression, or a
  // variable last assigned one before the call in this file.
  bool LocalArgument(const RiskRule& rule, const CallArgs& args, size_t call) const {
    std::string_view arg = args.positional.empty() ? std::string_view() : Trim(args.positional.front());
    for (const auto& name : rule.local_arg_names) {
      if (auto it = args.raw.find(name); it != args.raw.end()) arg = Trim(it->second);
    }
    if (arg.empty()) return false;
    auto local = [&](std::string_view expr) {
      return re2::RE2::PartialMatch(re2::StringPiece(expr.data(), expr.size()), *rule.local_arg);
    };
    if (local(arg)) return true;
    if (!IsIdentifier(arg)) return false;
    std::string_view value = AssignedBefore(arg, call);
    return !value.empty() && local(value);
  }

  static bool IsIdentifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  }

  // The right-hand side of the last `name = …` line before `offset`, or "".
  std::string_view AssignedBefore(std::string_view name, size_t offset) const {
    std::string_view before = in_.text.substr(0, offset);
    size_t end = before.size();
    while (end > 0) {
      size_t nl = before.rfind('\n', end - 1);
      size_t from = nl == std::string_view::npos ? 0 : nl + 1;
      std::string_view line = TrimLeft(before.substr(from, end - from));
      end = nl == std::string_view::npos ? 0 : nl;
      if (!line.starts_with(name)) continue;
      std::string_view rest = TrimLeft(line.substr(name.size()));
      if (rest.starts_with(':')) {  // annotated: `name: Path = …`
        size_t eq = rest.find('=');
        if (eq == std::string_view::npos) continue;
        rest = rest.substr(eq);
      }
      if (!rest.starts_with('=') || rest.starts_with("==")) continue;
      return Trim(rest.substr(1));
    }
    return {};
  }

  // In code, a model name counts as keyed when the string is a model argument or value.
  bool KeyedInString(size_t offset) const {
    std::string_view prefix = LinePrefix(offset);
    // openai('gpt-4o'), anthropic("claude-…"): a provider function of an SDK takes the model.
    std::string_view p = TrimRight(prefix);
    while (!p.empty() && (p.back() == '"' || p.back() == '\'' || p.back() == '`' || p.back() == ' ')) p.remove_suffix(1);
    if (!p.empty() && p.back() == '(') {
      std::string_view head = TrimRight(p.substr(0, p.size() - 1));
      if (KeyedProviderPrefix(std::string(head) + ":")) return true;
    }
    // Strip the opening quote and any provider prefix inside the same string ("openai:gpt-4o").
    return knowledge().PrecededByModelKey(prefix) || KeyedProviderPrefix(prefix);
  }
  bool KeyedInConfig(size_t offset) const {
    std::string_view prefix = LinePrefix(offset);
    return knowledge().PrecededByModelKey(prefix) || KeyedProviderPrefix(prefix);
  }
  bool WholeLiteral(size_t offset, std::string_view id) const {
    std::string_view lit = Trim(regions_.StringAt(in_.text, offset));
    if (lit == id) return true;
    std::string_view before = in_.text.substr(0, offset);
    return before.ends_with("/models/") || before.ends_with("/model/");
  }

  static bool KeyedProviderPrefix(std::string_view prefix) {
    // "openai:gpt-4o", "anthropic/claude-…" (LangChain provider:model, gateway provider/model)
    if (prefix.empty() || (prefix.back() != ':' && prefix.back() != '/')) return false;
    size_t i = prefix.size() - 1;
    while (i > 0 && (std::isalnum(static_cast<unsigned char>(prefix[i - 1])) || prefix[i - 1] == '-' || prefix[i - 1] == '_')) --i;
    std::string word = ToLower(prefix.substr(i, prefix.size() - 1 - i));
    static const std::set<std::string> kProviders = {
        "openai", "anthropic", "google", "google_genai", "google_vertexai", "vertex_ai", "gemini", "mistral",
        "mistralai", "cohere", "groq", "together", "together_ai", "fireworks", "fireworks_ai", "bedrock",
        "azure", "azure_openai", "ollama", "deepseek", "xai", "openrouter", "perplexity", "huggingface",
        "meta-llama", "qwen", "replicate", "vllm"};
    return kProviders.count(word) > 0;
  }

  static const Knowledge& knowledge() { return Knowledge::Get(); }

  void AddLibrary(const Rule& r, size_t offset, EvidenceMethod method) {
    Component c;
    c.kind = ComponentKind::kLibrary;
    c.ecosystem = r.package_ecosystem;
    c.name = NormalizePackageName(r.package_ecosystem, r.package_name);
    c.purl = MakePurl(r.package_ecosystem, c.name);
    c.scope = Scope::kUsed;
    c.confidence = method == EvidenceMethod::kImport ? 0.95 : 0.8;
    c.evidence.push_back(Evidence{Locate(offset), LineSnippet(offset), method});
    libraries_.emplace(c.Key(), r.provider);
    sink_.Add(std::move(c));
  }

  void AddService(const std::string& provider, const std::string& endpoint, size_t offset, double confidence,
                  bool local, const Rule* rule = nullptr) {
    Component c;
    c.kind = ComponentKind::kService;
    c.name = rule && !rule->service.empty() ? rule->service : knowledge().ServiceFor(provider);
    c.ai = AiInfo{.category = "llm-api", .provider = provider};
    c.scope = Scope::kUsed;
    c.confidence = confidence;
    if (!endpoint.empty()) {
      c.properties["aisec:endpoint"] = endpoint;
      c.properties["aisec:service:kind"] = local ? "local" : "cloud";
    }
    c.evidence.push_back(Evidence{Locate(offset), LineSnippet(offset),
                                  endpoint.empty() ? EvidenceMethod::kCall : EvidenceMethod::kString});
    services_.emplace(c.Key(), provider);
    sink_.Add(std::move(c));
  }

  void HubCall(const Rule& r, size_t open) {
    CallArgs args = ReadCallArgs(in_.text, open);
    std::optional<std::pair<size_t, std::string_view>> id;
    for (const auto& k : r.args) {
      if (auto it = args.keywords.find(k); it != args.keywords.end()) id = it->second;
    }
    if (!id && r.positional) id = args.first_positional;
    if (!id || !LooksLikeHubId(id->second)) return;
    models_.push_back({id->first, id->first + id->second.size(), std::string(id->second), &r, 0.95,
                       EvidenceMethod::kCall, r.hub_kind == "dataset"});
  }

  void Secret(const Rule& r, const PatternMatch& m, size_t group_start) {
    std::string_view secret = m.groups.empty() || m.groups[0].empty()
                                  ? in_.text.substr(m.start, m.end - m.start)
                                  : m.groups[0];
    if (LooksLikePlaceholder(secret)) return;
    std::string service = knowledge().ServiceFor(r.provider);
    Finding f;
    f.rule_id = "AISEC-SECRET-AI-KEY";
    f.title = r.provider + " credential in the repository";
    f.severity = Severity::kHigh;
    f.confidence = 0.9;
    Component svc;
    svc.kind = ComponentKind::kService;
    svc.name = service;
    f.component_ref = svc.Key();
    std::string redacted = RedactSecret(secret, r.keep);
    secrets_.emplace_back(std::string(secret), redacted);
    f.evidence.push_back(Evidence{Locate(group_start), LineSnippet(group_start), EvidenceMethod::kString});
    f.description = "A " + r.provider + " credential (" + r.id + ") is written in " + in_.path +
                    ": anyone who can read the repository can use it, and it stays in the history.";
    f.remediation = "Revoke the key at the provider, remove it from the history, and load it from the "
                    "environment or a secret manager.";
    f.frameworks["cwe"] = {"CWE-798"};
    f.frameworks["owasp_llm_2025"] = {"LLM02"};
    f.properties["aisec:secret-id"] = r.id;
    f.properties["aisec:secret"] = redacted;
    f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, in_.path, Sha256Hex(secret).substr(0, 16));
    sink_.Report(std::move(f));
    AddService(r.provider, "", group_start, 0.9, false);
  }

  // One import statement names one package: `from llama_index.core import X` matches the
  // import names llama_index and llama_index.core at the same offset; the longest wins.
  void EmitImports() {
    std::sort(imports_.begin(), imports_.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return a.second->import_length > b.second->import_length;
    });
    size_t group_offset = 0, longest = 0;
    for (size_t i = 0; i < imports_.size(); ++i) {
      const auto& [offset, rule] = imports_[i];
      if (i == 0 || offset != group_offset) group_offset = offset, longest = rule->import_length;
      if (rule->import_length == longest) AddLibrary(*rule, offset, EvidenceMethod::kImport);
    }
  }

  // Longest reference wins where several overlap (a hub id and the model pattern inside it).
  void EmitModels() {
    // Same span: a provider's own pattern wins over the generic open-weights one.
    auto generic = [](const ModelRef& m) { return m.rule->family == "open-weights"; };
    std::sort(models_.begin(), models_.end(), [&](const ModelRef& a, const ModelRef& b) {
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end > b.end;
      return generic(a) < generic(b);
    });
    size_t covered_end = 0;
    for (const auto& m : models_) {
      if (m.start < covered_end) continue;
      covered_end = m.end;
      Component c;
      c.kind = m.dataset ? ComponentKind::kData : ComponentKind::kModel;
      c.name = m.id;
      c.scope = Scope::kUsed;
      c.confidence = m.confidence;
      const Rule& r = *m.rule;
      if (r.kind == RuleKind::kHubCall) {
        c.ecosystem = r.hub;
        if (!m.dataset) c.purl = MakePurl(r.hub, m.id);
        c.ai = AiInfo{.category = m.dataset ? "dataset" : "model", .provider = "Hugging Face"};
        if (r.hub != "huggingface") c.ai->provider = r.hub;
      } else if (r.kind == RuleKind::kConstant) {
        c.ai = AiInfo{.category = "model", .provider = r.provider};
      } else if (r.kind == RuleKind::kDeployment) {
        c.ai = AiInfo{.category = "model", .provider = r.provider};
        c.properties["aisec:model:deployment"] = "azure-openai";
      } else {
        c.ai = AiInfo{.category = "model", .provider = r.provider, .model_family = r.family, .task = r.task};
      }
      c.properties["aisec:model:source"] = "reference";
      c.evidence.push_back(Evidence{Locate(m.start), LineSnippet(m.start), m.method});
      models_emitted_.emplace_back(c.Key(), c.ai ? c.ai->provider : "");
      sink_.Add(std::move(c));
    }
  }

  // Which library in this file uses which model and which service: same provider when one
  // matches, else every AI library of the file (frameworks such as LangChain call any provider).
  void Relate() {
    auto relate = [&](const std::vector<std::pair<std::string, std::string>>& targets, RelationKind kind) {
      for (const auto& [to, provider] : targets) {
        bool any_same = false;
        for (const auto& [lib, lib_provider] : libraries_) {
          if (lib_provider == provider) {
            sink_.Relate(lib, to, kind);
            any_same = true;
          }
        }
        if (!any_same) {
          for (const auto& [lib, _] : libraries_) sink_.Relate(lib, to, kind);
        }
      }
    };
    relate(models_emitted_, RelationKind::kUsesModel);
    std::vector<std::pair<std::string, std::string>> services(services_.begin(), services_.end());
    relate(services, RelationKind::kCallsService);
  }

  const DetectInput& in_;
  Sink& sink_;
  RegionMap regions_;
  std::optional<LineIndex> lines_;
  std::vector<ModelRef> models_;
  std::vector<std::pair<size_t, const Rule*>> imports_;  // offset of the statement, rule
  std::vector<std::pair<std::string, std::string>> secrets_;  // secret -> redacted form
  std::map<std::string, std::string> libraries_;  // key -> provider
  std::map<std::string, std::string> services_;
  std::vector<std::pair<std::string, std::string>> models_emitted_;
};

}  // namespace

std::string RedactSecret(std::string_view secret, int keep) {
  size_t k = std::min<size_t>(static_cast<size_t>(std::max(keep, 0)), secret.size() / 3);
  return std::string(secret.substr(0, k)) + "…[redacted, " + std::to_string(secret.size()) + " chars]";
}

bool LooksLikePlaceholder(std::string_view secret) {
  std::string lower = ToLower(secret);
  for (std::string_view marker : {"xxxx", "your", "example", "dummy", "placeholder", "changeme", "replace",
                                  "<", ">", "...", "****", "redacted", "fake", "sample"}) {
    if (Contains(lower, marker)) return true;
  }
  return secret.size() >= 16 && Entropy(secret) < 3.0;
}

void Detect(const DetectInput& input, Sink& sink) { Detection(input, sink).Run(); }

}  // namespace aisec::catalog::code
