// The bundled example (examples/) is what `make demo` shows. These tests pin what aisec finds in
// it, so that a change that loses a finding shows up here. Each test scans once (ctest runs every
// test in its own process), so the checks are grouped into few tests. When a new cataloger lands, add its
// rows to the tables below (and, if needed, a small realistic use of its format to examples/).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

const ScanResult& ExampleScan() {
  static const ScanResult kResult = [] {
    auto r = Scan({.root = std::filesystem::path(AISEC_SOURCE_DIR) / "examples", .jobs = 2});
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? std::move(r).value() : ScanResult{};
  }();
  return kResult;
}

const Component* Find(ComponentKind kind, std::string_view ecosystem, std::string_view name) {
  for (const auto& c : ExampleScan().components) {
    if (c.kind == kind && c.ecosystem == ecosystem && c.name == name) return &c;
  }
  return nullptr;
}

bool HasEvidenceIn(const Component& c, std::string_view path) {
  for (const auto& e : c.evidence) {
    if (e.location.path == path) return true;
  }
  return false;
}

// Libraries declared in a manifest, with the exact version and the AI category (empty: not AI).
struct Declared {
  const char* ecosystem;
  const char* name;
  const char* version;
  const char* category;
  const char* file;
};
constexpr Declared kDeclared[] = {
    {"pypi", "openai", "1.55.3", "llm-sdk", "service/requirements.txt"},
    {"pypi", "openai", "1.55.3", "llm-sdk", "service/pyproject.toml"},
    {"pypi", "openai", "1.55.3", "llm-sdk", "service/uv.lock"},
    {"pypi", "langchain", "0.3.9", "agent-framework", "service/requirements.txt"},
    {"pypi", "langchain-core", "0.3.21", "agent-framework", "service/requirements.txt"},
    {"pypi", "langchain-openai", "0.2.10", "agent-framework", "service/requirements.txt"},
    {"pypi", "transformers", "4.46.3", "ml-framework", "service/requirements.txt"},
    {"pypi", "sentence-transformers", "3.3.1", "nlp", "service/requirements.txt"},
    {"pypi", "torch", "2.5.1+cpu", "ml-framework", "service/pyproject.toml"},
    {"pypi", "faiss-cpu", "1.9.0", "vector-database", "service/requirements.txt"},
    {"pypi", "fastapi", "0.115.5", "", "service/requirements.txt"},
    {"pypi", "uvicorn", "0.32.1", "", "service/requirements.txt"},
    {"pypi", "huggingface-hub", "0.26.3", "model-hub", "service/uv.lock"},  // transitive
    {"pypi", "tiktoken", "0.8.0", "nlp", "service/uv.lock"},
    {"pypi", "pytest", "8.3.3", "", "service/pyproject.toml"},  // dev group
    {"pypi", "ragas", "0.2.6", "evaluation", "notebooks/evaluate_answers.ipynb"},  // %pip install
    {"pypi", "datasets", "3.1.0", "data", "notebooks/evaluate_answers.ipynb"},
    {"pypi", "gunicorn", "23.0.0", "", "service/Dockerfile"},  // RUN pip install
    // Add rows as catalogers land: package.json, package-lock.json, go.mod, pom.xml.
};

void ExpectDeclared() {
  for (const auto& d : kDeclared) {
    const Component* c = Find(ComponentKind::kLibrary, d.ecosystem, d.name);
    ASSERT_NE(c, nullptr) << d.ecosystem << "/" << d.name;
    EXPECT_EQ(c->version, d.version) << d.name;
    EXPECT_TRUE(HasEvidenceIn(*c, d.file)) << d.name << " not located in " << d.file;
    if (*d.category == '\0') {
      EXPECT_FALSE(c->ai.has_value()) << d.name;
    } else {
      ASSERT_TRUE(c->ai.has_value()) << d.name;
      EXPECT_EQ(c->ai->category, d.category) << d.name;
      EXPECT_FALSE(c->ai->provider.empty()) << d.name;
    }
  }
  const Component* hub = Find(ComponentKind::kLibrary, "pypi", "huggingface-hub");
  ASSERT_NE(hub, nullptr);
  EXPECT_EQ(hub->scope, Scope::kTransitive);  // only in uv.lock
  const Component* pytest = Find(ComponentKind::kLibrary, "pypi", "pytest");
  ASSERT_NE(pytest, nullptr);
  EXPECT_TRUE(pytest->dev);
  EXPECT_EQ(Find(ComponentKind::kLibrary, "pypi", "torch")->version, "2.5.1+cpu");  // one torch
}

// AI libraries the code uses, and a file that uses each.
struct Used {
  const char* ecosystem;
  const char* name;
  const char* file;
};
constexpr Used kUsed[] = {
    {"pypi", "openai", "service/app/answer.py"},
    {"pypi", "langchain-openai", "service/app/answer.py"},
    {"pypi", "sentence-transformers", "service/app/embeddings.py"},
    {"pypi", "faiss-cpu", "service/app/embeddings.py"},
    {"pypi", "transformers", "service/app/sentiment.py"},
    {"pypi", "ragas", "notebooks/evaluate_answers.ipynb"},
    {"npm", "ai", "web/app/api/chat/route.ts"},
    {"npm", "@ai-sdk/openai", "web/app/api/chat/route.ts"},
    {"golang", "github.com/sashabaranov/go-openai", "worker/main.go"},
    {"maven", "dev.langchain4j:langchain4j-open-ai",
     "escalation/src/main/java/com/acme/support/escalation/EscalationService.java"},
    {"maven", "dev.langchain4j:langchain4j-ollama",
     "escalation/src/main/java/com/acme/support/escalation/EscalationService.java"},
};

void ExpectUsed() {
  for (const auto& u : kUsed) {
    const Component* c = Find(ComponentKind::kLibrary, u.ecosystem, u.name);
    ASSERT_NE(c, nullptr) << u.ecosystem << "/" << u.name;
    EXPECT_TRUE(HasEvidenceIn(*c, u.file)) << u.name << " not located in " << u.file;
  }
}

TEST(ExampleScan, FindsDeclaredLibrariesAndAiUseInEveryLanguage) {
  ExpectDeclared();
  ExpectUsed();
}

TEST(ExampleScan, FindsModelsAndProvidersAndNothingMalformed) {
  for (const char* model : {"gpt-4o-mini", "gpt-4o", "omni-moderation-latest", "llama3.2:3b",
                            "llama3.1:8b", "sentence-transformers/all-MiniLM-L6-v2",
                            "text-embedding-3-small"}) {
    EXPECT_NE(Find(ComponentKind::kModel, "", model), nullptr) << model;
  }
  int openai = 0, ollama = 0;
  for (const auto& c : ExampleScan().components) {
    if (c.kind != ComponentKind::kService || !c.ai) continue;
    openai += c.ai->provider == "OpenAI";
    ollama += c.ai->provider == "Ollama";
  }
  EXPECT_EQ(openai, 1);
  EXPECT_EQ(ollama, 1);

  // The example is well-formed and its keys are placeholders: no warnings, no secret findings.
  EXPECT_TRUE(ExampleScan().warnings.empty()) << ExampleScan().warnings.front().message;
  for (const auto& f : ExampleScan().findings) {
    EXPECT_EQ(f.rule_id.find("SECRET"), std::string::npos) << f.rule_id << " " << f.title;
  }

  auto table = Render(ExampleScan(), "table");
  ASSERT_TRUE(table.ok());
  for (const char* text : {"AI components:", "LLM provider SDKs", "Vector databases", "faiss-cpu",
                           "service/", "Other dependencies:"}) {
    EXPECT_NE(table->find(text), std::string::npos) << text;
  }
}

TEST(ExampleScan, FindsTheTriageAgentItsToolsAndTheSystemPrompts) {
  const Component* agent = Find(ComponentKind::kAgent, "", "triage_agent");
  ASSERT_NE(agent, nullptr);
  EXPECT_EQ(agent->properties.at("aisec:agent:framework"), "LangChain");
  EXPECT_EQ(agent->properties.at("aisec:agent:tools"), "lookup_plan,open_escalation");
  EXPECT_TRUE(HasEvidenceIn(*agent, "service/app/triage_agent.py"));
  for (const char* tool : {"lookup_plan", "open_escalation"}) {
    EXPECT_NE(Find(ComponentKind::kTool, "", tool), nullptr) << tool;
  }
  const Component* writer = Find(ComponentKind::kAgent, "", "writer");  // LangChain4j AI service
  ASSERT_NE(writer, nullptr);
  EXPECT_EQ(writer->properties.at("aisec:agent:framework"), "LangChain4j");
  // The triage prompt, the answer chain's prompt, the web route's prompt, the hand-over one and
  // the Go worker's.
  std::set<std::string> prompt_files;
  for (const auto& c : ExampleScan().components) {
    if (c.kind != ComponentKind::kPrompt) continue;
    for (const auto& e : c.evidence) prompt_files.insert(e.location.path);
  }
  EXPECT_EQ(prompt_files,
            (std::set<std::string>{"service/app/answer.py", "service/app/triage_agent.py",
                                   "web/app/api/chat/route.ts",
                                   "escalation/src/main/java/com/acme/support/escalation/EscalationService.java",
                                   "worker/main.go"}));
  auto table = Render(ExampleScan(), "table");
  ASSERT_TRUE(table.ok());
  for (const char* text : {"Agents defined in code", "Agent tools defined in code", "System prompts"}) {
    EXPECT_NE(table->find(text), std::string::npos) << text;
  }
}

TEST(ExampleScan, FindsTheRiskyModelLoadingOfTheOldExperiment) {
  std::set<std::pair<std::string, std::string>> found;  // (rule, file)
  for (const auto& f : ExampleScan().findings) {
    if (!f.evidence.empty()) found.insert({f.rule_id, f.evidence.front().location.path});
  }
  const std::string dir = "experiments/rag-eval-2023/";
  for (const char* rule : {"AISEC-CODE-TRUST-REMOTE-CODE", "AISEC-CODE-TORCH-LOAD-UNSAFE",
                           "AISEC-CODE-PICKLE-LOAD", "AISEC-CODE-UNPINNED-MODEL-REVISION"}) {
    EXPECT_TRUE(found.count({rule, dir + "rerank.py"})) << rule;
  }
  EXPECT_TRUE(found.count({"AISEC-MODEL-PICKLE-IMPORT", dir + "checkpoints/reranker-head.pt"}));
  EXPECT_NE(Find(ComponentKind::kModel, "", "BAAI/bge-reranker-base"), nullptr);
}

}  // namespace
}  // namespace aisec
