#pragma once
// A hand-built ScanResult for the reporter tests: every component kind, relations (one to a
// component that is not there, one cycle), findings with and without locations, a known
// vulnerability on two components, unicode and invalid UTF-8 strings, and warnings.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "aisec/options.h"
#include "core/scan_result.h"

namespace aisec::testing {

inline Evidence Ev(std::string path, uint32_t line, EvidenceMethod m, std::string snippet = {},
                   uint32_t column = 0) {
  return Evidence{Location{std::move(path), line, column, 0}, std::move(snippet), m};
}

inline Component Lib(std::string eco, std::string name, std::string version, std::string purl) {
  Component c;
  c.kind = ComponentKind::kLibrary;
  c.ecosystem = std::move(eco);
  c.name = std::move(name);
  c.version = std::move(version);
  c.purl = std::move(purl);
  return c;
}

inline Component Kind(ComponentKind kind, std::string name) {
  Component c;
  c.kind = kind;
  c.name = std::move(name);
  return c;
}

inline const std::string kSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
inline const std::string kInvalidUtf8 = "bad\xff\xfe-name";

inline void AddComponents(ScanResult& r) {
  Component app = Kind(ComponentKind::kApplication, "support-bot");
  app.evidence.push_back(Ev("pyproject.toml", 1, EvidenceMethod::kManifest));
  r.components.push_back(app);

  Component openai = Lib("pypi", "openai", "1.54.3", "pkg:pypi/openai@1.54.3");
  openai.ai = AiInfo{"llm-sdk", "OpenAI", "", ""};
  openai.licenses = {"Apache-2.0"};
  openai.hashes = {{"SHA-256", kSha256}, {"md5", "not-hex"}};
  openai.evidence.push_back(Ev("requirements.txt", 3, EvidenceMethod::kManifest, "openai==1.54.3"));
  openai.evidence.push_back(Ev("app/chat.py", 1, EvidenceMethod::kImport, "from openai import OpenAI"));
  r.components.push_back(openai);

  Component sdk = Lib("npm", "@ai-sdk/openai", "1.0.0", "pkg:npm/%40ai-sdk/openai@1.0.0");
  sdk.dev = true;
  sdk.scope = Scope::kTransitive;
  sdk.licenses = {"Apache-2.0", "MIT OR ISC"};
  sdk.evidence.push_back(Ev("web/package-lock.json", 40, EvidenceMethod::kLockfile));
  r.components.push_back(sdk);

  Component spring = Lib("maven", "org.springframework.ai:spring-ai-openai", "", "pkg:maven/org.springframework.ai/spring-ai-openai");
  spring.version_spec = "[1.0,2.0)";
  spring.licenses = {"Some Custom License, v2"};
  spring.scope = Scope::kDeclared;
  r.components.push_back(spring);

  r.components.push_back(Lib("golang", "github.com/sashabaranov/go-openai", "v1.32.0",
                             "pkg:golang/github.com/sashabaranov/go-openai@v1.32.0"));

  Component llama = Kind(ComponentKind::kModel, "meta-llama/Llama-3.1-8B-Instruct");
  llama.purl = "pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct";
  llama.ai = AiInfo{"model", "Meta", "llama", "text-generation"};
  llama.licenses = {"LicenseRef-llama3.1"};
  llama.properties = {{"aisec:model:architecture", "LlamaForCausalLM"},
                      {"aisec:model:approach", "self-supervised"},
                      {"aisec:model:datasets", "wikitext, private-corpus"},
                      {"aisec:model:inputs", "text"},
                      {"aisec:model:outputs", "text"},
                      {"aisec:model:use-cases", "chat\nsummarisation"},
                      {"aisec:model:limitations", "English first"},
                      {"aisec:model:domain", "nlp"},
                      {"aisec:offset", "311"},
                      {"aisec:symbol", "AutoModelForCausalLM.from_pretrained"}};
  llama.evidence.push_back(Ev("app/model.py", 12, EvidenceMethod::kCall, "from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")", 9));
  llama.confidence = 0.9;
  r.components.push_back(llama);

  Component file = Kind(ComponentKind::kModel, "models/classifier.pkl");
  file.hashes = {{"SHA-256", kSha256}};
  file.properties = {{"aisec:model:format", "pickle"}};
  file.evidence.push_back(Ev("models/classifier.pkl", 0, EvidenceMethod::kMagicBytes));
  r.components.push_back(file);

  Component data = Kind(ComponentKind::kData, "wikitext");
  data.properties = {{"aisec:data:classification", "public"},
                     {"aisec:data:url", "https://huggingface.co/datasets/wikitext"},
                     {"aisec:dataset:type", "text"}};
  data.evidence.push_back(Ev("train/prepare.py", 4, EvidenceMethod::kCall, "load_dataset(\"wikitext\")"));
  r.components.push_back(data);

  Component api = Kind(ComponentKind::kService, "OpenAI API");
  api.ai = AiInfo{"llm-api", "OpenAI", "", ""};
  api.properties = {{"aisec:endpoint", "https://api.openai.com/v1"},
                    {"aisec:service:authenticated", "true"}};
  api.evidence.push_back(Ev(".env", 2, EvidenceMethod::kConfig, "OPENAI_BASE_URL=https://api.openai.com/v1"));
  r.components.push_back(api);

  Component ollama = Kind(ComponentKind::kService, "Ollama");
  ollama.properties = {{"aisec:endpoint", "http://localhost:11434, http://127.0.0.1:11434/api"}};
  r.components.push_back(ollama);

  r.components.push_back(Kind(ComponentKind::kAgent, "support-agent"));
  r.components.push_back(Kind(ComponentKind::kTool, "python-repl"));

  Component cafe = Lib("pypi", "café-ml", "2.0", "pkg:pypi/caf%C3%A9-ml@2.0");
  cafe.evidence.push_back(Ev("docs/été/requirements.txt", 1, EvidenceMethod::kManifest, "café-ml==2.0 # 🚀"));
  r.components.push_back(cafe);

  Component bad = Kind(ComponentKind::kLibrary, kInvalidUtf8);
  bad.licenses = {"MIT\xff"};
  bad.evidence.push_back(Ev("dir\xff/requirements.txt", 2, EvidenceMethod::kManifest, "bad\xfe"));
  r.components.push_back(bad);
  // Differs from the one above only in its invalid bytes: must still get a reference of its own.
  r.components.push_back(Kind(ComponentKind::kLibrary, "bad\xfe\xff-name"));
}

inline void AddRelations(ScanResult& r) {
  const std::string app = "application:support-bot";
  r.relations = {
      {app, "pkg:pypi/openai@1.54.3", RelationKind::kDependsOn},
      {app, "pkg:npm/%40ai-sdk/openai@1.0.0", RelationKind::kDependsOn},
      {app, "pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct", RelationKind::kUsesModel},
      {app, "service:OpenAI API", RelationKind::kCallsService},
      {app, "pkg:pypi/ghost@1.0", RelationKind::kDependsOn},  // not in the inventory
      {"pkg:pypi/openai@1.54.3", "pkg:golang/github.com/sashabaranov/go-openai@v1.32.0", RelationKind::kDependsOn},
      {"agent:support-agent", "tool:python-repl", RelationKind::kDependsOn},  // a cycle
      {"tool:python-repl", "agent:support-agent", RelationKind::kProvides},
  };
}

inline Finding VulnFinding(const std::string& component_ref, const std::string& path, uint32_t line) {
  Finding f;
  f.rule_id = "AISEC-VULN";
  f.title = "openai: server-side request forgery";
  f.severity = Severity::kHigh;
  f.component_ref = component_ref;
  f.evidence.push_back(Ev(path, line, EvidenceMethod::kManifest));
  f.description = "Requests to attacker-chosen hosts.";
  f.references = {"https://osv.dev/vulnerability/GHSA-aaaa-bbbb-cccc", "not a url"};
  f.frameworks = {{"cwe", {"CWE-918"}}};
  f.properties = {{"aisec:vuln:id", "GHSA-aaaa-bbbb-cccc"},
                  {"aisec:vuln:aliases", "CVE-2024-12345, GHSA-aaaa-bbbb-cccc"},
                  {"aisec:vuln:score", "8.1"},
                  {"aisec:vuln:vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"},
                  {"aisec:vuln:method", "CVSSv31"},
                  {"aisec:vuln:source", "OSV"},
                  {"aisec:vuln:fixed", "1.55.0"},
                  {"aisec:vuln:published", "2024-05-01T10:00:00.123Z"}};
  f.fingerprint = Finding::Fingerprint(f.rule_id, component_ref, path, "GHSA-aaaa-bbbb-cccc");
  return f;
}

inline void AddFindings(ScanResult& r) {
  r.findings.push_back(VulnFinding("pkg:pypi/openai@1.54.3", "requirements.txt", 3));
  r.findings.push_back(VulnFinding("pkg:npm/%40ai-sdk/openai@1.0.0", "web/package-lock.json", 40));

  Finding pickle;
  pickle.rule_id = "AISEC-PICKLE-GLOBAL";
  pickle.title = "Pickle imports os.system";
  pickle.severity = Severity::kCritical;
  pickle.component_ref = "machine-learning-model:models/classifier.pkl";
  pickle.evidence.push_back(Ev("models/classifier.pkl", 0, EvidenceMethod::kMagicBytes, "GLOBAL os system"));
  pickle.remediation = "Re-save the model as safetensors.";
  pickle.frameworks = {{"cwe", {"CWE-502"}}, {"owasp_llm_2025", {"LLM03"}}};
  pickle.properties = {{"aisec:offset", "42"}};
  pickle.fingerprint = Finding::Fingerprint(pickle.rule_id, pickle.component_ref, "models/classifier.pkl", "os.system");
  r.findings.push_back(pickle);

  Finding shadow;  // neither evidence nor component
  shadow.rule_id = "AISEC-SHADOW-AI";
  shadow.title = "AI use that nobody approved";
  shadow.severity = Severity::kMedium;
  r.findings.push_back(shadow);

  Finding unapproved;  // no evidence of its own: located where its component was seen
  unapproved.rule_id = "AISEC-SHADOW-AI";
  unapproved.title = "Unapproved provider OpenAI";
  unapproved.severity = Severity::kLow;
  unapproved.component_ref = "service:OpenAI API";
  r.findings.push_back(unapproved);

  Finding odd;
  odd.rule_id = "AISEC-ODD-\xff";
  odd.title = "Ünïcödé title 🚀";
  odd.description = "invalid \xc3\x28 bytes";
  odd.severity = Severity::kInfo;
  odd.evidence.push_back(Ev("dir\xff/requirements.txt", 2, EvidenceMethod::kManifest, "", 3));
  r.findings.push_back(odd);
}

inline ScanResult SampleResult() {
  ScanResult r;
  r.tool_version = "0.1.0-test";
  r.root = "/srv/checkouts/bot-repo/";
  r.started_at = "2025-01-02T03:04:05Z";
  r.finished_at = "2025-01-02T03:04:09Z";
  AddComponents(r);
  AddRelations(r);
  AddFindings(r);
  r.warnings.push_back(Warning{Location{"requirements.txt", 11, 0, 0}, "cannot parse requirement", "python/requirements"});
  r.warnings.push_back(Warning{Location{}, "walk stopped at the file limit", "source"});
  r.exit_code = 1;
  return r;
}

// The document as JSON; fails the test (and returns null) when it does not parse.
inline nlohmann::json Parse(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// A test fixture holding the sample as one reporter renders it, as text and as JSON.
template <std::string (*Render)(const ScanResult&, const RenderOptions&)>
class RenderedSample : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = Render(SampleResult(), {});
    doc_ = Parse(text_);
    ASSERT_FALSE(doc_.is_discarded());
  }
  std::string text_;
  nlohmann::json doc_;
};

}  // namespace aisec::testing
