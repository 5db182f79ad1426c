#pragma once
// What the code and configuration detectors look for, compiled from data/ once per process:
// one PatternSet per language family plus one for configuration files, and a rule per pattern
// saying what a match means. Immutable after construction; shared by all threads.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "catalog/code/lexer.h"
#include "core/pattern_set.h"
#include "core/result.h"
#include "core/severity.h"

namespace aisec::catalog::code {

enum class RuleKind : uint8_t {
  kImport,      // an AI package imported: package_ecosystem/package_name
  kCall,        // an SDK constructor, function or provider variable: package and/or provider
  kModel,       // a model id (group 1) attributed to provider/family
  kHubCall,     // a hub download/load call; its string argument names a model or dataset
  kEndpoint,    // an API base URL of an LLM provider or local inference server
  kSecret,      // a provider credential (group 1), reported redacted
  kConstant,    // an SDK's named model constant standing for `model`
  kDeployment,  // an Azure OpenAI deployment name (group 1)
  kRisk,        // a risky code pattern: Knowledge::risks()[Rule::risk]
};

// A risky AI code pattern (data/rules/code-risks.yaml).
struct RiskRule {
  std::string id, title, description, remediation;
  Severity severity = Severity::kMedium;
  double confidence = 0.9;
  std::vector<std::string> cwe, owasp;
  std::string require_arg;                     // keyword that makes the call safe…
  std::unique_ptr<re2::RE2> require_value;     // …when its value matches this
  std::unique_ptr<re2::RE2> file_needs;        // the file must match this for the rule to count
  // The call is fine when its first argument (or keyword in local_arg_names), as written or as
  // assigned to the variable it names, matches local_arg: a local path, not a hub id.
  std::unique_ptr<re2::RE2> local_arg;
  std::vector<std::string> local_arg_names;
  std::vector<std::string> families;
  std::vector<std::string> positive, negative;  // examples, checked by the tests
};

struct Rule {
  RuleKind kind;
  Region region = Region::kCode;  // where the match must start; kComment means "anywhere"
  std::string id;                 // data id (secret id, model pattern id, …)
  std::string provider;
  std::string service;            // service name for kEndpoint/kCall providers
  std::string family;             // model family
  std::string task;
  std::string package_ecosystem, package_name;
  std::string model;              // kConstant: the id the constant stands for
  std::string hub, hub_kind;      // kHubCall: "huggingface", "model" | "dataset"
  std::vector<std::string> args;  // kHubCall: keyword arguments that carry the id
  bool positional = true;         // kHubCall: the first positional string counts
  bool needs_key = false;         // kModel: only after a model key (ambiguous names like "o1")
  bool local = false;             // kEndpoint: a server the team runs
  double confidence = 0.9;
  int keep = 4;                   // kSecret: characters left visible
  size_t risk = 0;                // kRisk: index in Knowledge::risks()
  size_t import_length = 0;       // kImport: length of the import name ("llama_index.core" = 16)
};

struct RuleSet {
  std::shared_ptr<const PatternSet> patterns;
  std::vector<Rule> rules;  // rules[match.id]
};

struct Language {
  std::string id, family;
  Syntax syntax;
};

class Knowledge {
 public:
  // Aborts with a clear message when the shipped data does not compile (tests prevent that).
  static const Knowledge& Get();
  static Result<std::unique_ptr<Knowledge>> Build();

  // The language of a file by its extension, or nullptr.
  const Language* LanguageFor(std::string_view basename) const;
  // Imports, calls and constants of one language family.
  const RuleSet* ForFamily(std::string_view family) const;
  // Models, endpoints, keys and provider variables: for code (where models and endpoints must
  // be in string literals) and configuration files (where everything counts).
  const RuleSet& Shared() const { return shared_; }
  // True when the text just before a model name (same line) is a model key or argument.
  bool PrecededByModelKey(std::string_view line_prefix) const;
  // Service name used for a provider's API ("OpenAI" -> "OpenAI API").
  std::string ServiceFor(std::string_view provider) const;
  const std::vector<RiskRule>& risks() const { return risks_; }

 private:
  Knowledge() = default;
  std::vector<Language> languages_;
  std::unordered_map<std::string, size_t> by_extension_;
  std::unordered_map<std::string, RuleSet> by_family_;
  RuleSet shared_;
  std::unique_ptr<re2::RE2> model_key_;
  std::unordered_map<std::string, std::string> service_by_provider_;
  std::vector<RiskRule> risks_;
};

}  // namespace aisec::catalog::code
