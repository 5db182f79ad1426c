#include "catalog/code/prompt.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "catalog/code/agent_knowledge.h"
#include "catalog/code/detector.h"
#include "catalog/code/knowledge.h"
#include "core/digest.h"
#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

struct Span {
  size_t start, end;
  int keep;
};

// Credential spans in `text`, sorted and disjoint.
std::vector<Span> CredentialSpans(std::string_view text) {
  std::vector<Span> spans;
  const RuleSet& shared = Knowledge::Get().Shared();
  shared.patterns->Scan(text, [&](const PatternMatch& m) {
    const Rule& r = shared.rules[m.id];
    if (r.kind != RuleKind::kSecret) return;
    std::string_view secret = m.groups.empty() || m.groups[0].empty()
                                  ? text.substr(m.start, m.end - m.start)
                                  : m.groups[0];
    if (LooksLikePlaceholder(secret)) return;
    size_t start = static_cast<size_t>(secret.data() - text.data());
    spans.push_back({start, start + secret.size(), r.keep});
  });
  for (const auto& re : AgentKnowledge::Get().prompt_secrets()) {
    re2::StringPiece input(text.data(), text.size()), match;
    size_t pos = 0;
    while (pos < text.size() &&
           re->Match(input, pos, text.size(), re2::RE2::UNANCHORED, &match, 1)) {
      size_t start = static_cast<size_t>(match.data() - text.data());
      if (!LooksLikePlaceholder(std::string_view(match.data(), match.size()))) {
        spans.push_back({start, start + match.size(), 0});
      }
      pos = start + std::max<size_t>(match.size(), 1);
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
      merged.back().keep = std::min(merged.back().keep, s.keep);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

std::string Redact(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  size_t at = 0;
  for (const auto& s : spans) {
    out.append(text.substr(at, s.start - at));
    out += RedactSecret(text.substr(s.start, s.end - s.start), s.keep);
    at = s.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace

bool LooksLikePrompt(std::string_view text) {
  const PromptLimits& limits = AgentKnowledge::Get().limits();
  text = Trim(text);
  if (text.size() < limits.min_chars) return false;
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool letter = std::isalpha(c) || c >= 0x80;
    if (letter && !in_word) ++words;
    in_word = letter || (in_word && (c == '\'' || c == '-'));
  }
  return words >= limits.min_words;
}

std::string RedactCredentials(std::string_view text, size_t* found) {
  auto spans = CredentialSpans(text);
  if (found) *found = spans.size();
  return spans.empty() ? std::string(text) : Redact(text, spans);
}

std::string ReportPrompt(std::string_view text, const PromptOrigin& origin, Sink& sink) {
  auto spans = CredentialSpans(text);
  std::string digest = Sha256Hex(text);
  std::string preview = Snippet(Redact(text, spans), AgentKnowledge::Get().limits().preview_chars);
  Component c;
  c.kind = ComponentKind::kPrompt;
  c.name = "system-prompt-" + digest.substr(0, 12);
  c.scope = origin.source == "file" ? Scope::kDeclared : Scope::kUsed;
  c.confidence = origin.source == "file" ? 0.7 : 0.85;
  c.ai = AiInfo{.category = "system-prompt"};
  c.hashes.push_back(Hash{"SHA-256", digest});
  c.properties["aisec:prompt:role"] = "system";
  c.properties["aisec:prompt:source"] = origin.source;
  c.properties["aisec:prompt:sha256-short"] = digest.substr(0, 12);
  c.properties["aisec:prompt:chars"] = std::to_string(text.size());
  c.properties["aisec:prompt:preview"] = preview;
  c.properties["aisec:data:classification"] = "system-prompt";
  if (!origin.framework.empty()) c.properties["aisec:prompt:framework"] = origin.framework;
  c.evidence.push_back(Evidence{origin.location, preview, EvidenceMethod::kString});
  std::string key = c.Key();
  if (!spans.empty()) {
    Finding f;
    f.rule_id = "AISEC-PROMPT-SECRET";
    f.title = "Credential inside a system prompt";
    f.severity = Severity::kHigh;
    f.confidence = 0.8;
    f.component_ref = key;
    f.evidence.push_back(Evidence{origin.location, preview, EvidenceMethod::kString});
    f.description =
        "The system prompt at " + origin.location.ToString() + " holds " +
        std::to_string(spans.size()) +
        " credential-looking value(s). Anything in a prompt can be extracted by users of the "
        "model (prompt leakage) and is sent to the model provider with every request.";
    f.remediation =
        "Remove the credential from the prompt, revoke it, and give the application (not the "
        "model) access to it, for example through a tool that holds the key.";
    f.frameworks["cwe"] = {"CWE-798", "CWE-200"};
    f.frameworks["owasp_llm_2025"] = {"LLM07", "LLM02"};
    f.properties["aisec:secret"] =
        RedactSecret(text.substr(spans[0].start, spans[0].end - spans[0].start), spans[0].keep);
    f.fingerprint =
        Finding::Fingerprint(f.rule_id, key, origin.location.path, digest.substr(0, 16));
    sink.Report(std::move(f));
  }
  sink.Add(std::move(c));
  return key;
}

}  // namespace aisec::catalog::code
