#pragma once
// What the agent detectors look for (data/code/agents.yaml), compiled once per process: one
// PatternSet per language family holding agent, tool and MCP server definitions and the shapes
// that carry a system prompt, the prompt-file globs, the credential patterns checked inside
// prompts, and the capabilities of named tool classes. Immutable; shared by all threads.
#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/pattern_set.h"
#include "core/result.h"

namespace aisec::catalog::code {

enum class DefinitionKind : uint8_t { kAgent, kTool, kMcpServer };

struct Definition {
  std::string id, framework;
  DefinitionKind kind = DefinitionKind::kAgent;
  std::unique_ptr<re2::RE2> file_needs;  // null: any file
  std::vector<std::string> name_args, tool_args, prompt_args, description_args;
  int name_position = -1, tools_position = -1, description_position = -1;
  bool name_group = false, name_from_def = false;
  // The first capture group of these, matched at the text after the definition (past its
  // arguments), is the name (`name_after`: a Java method) or the description.
  std::unique_ptr<re2::RE2> name_after, description_after;
  // The type a tool belongs to (aisec:tool:class): the regex's capture group (`owner_group`) or
  // the group of the last `owner_before` match before it (the enclosing class).
  bool owner_group = false;
  std::unique_ptr<re2::RE2> owner_before;
  // Builder calls chained after an agent's call whose arguments are tools or its prompt.
  std::vector<std::string> chain_tools, chain_prompt;
  // Arguments may come without parentheses, up to the end of the statement (Ruby).
  bool bare_args = false;
  struct Example {
    std::string code, name;
  };
  std::vector<Example> examples;
};

// A match of the family set: a definition (index in definitions()) or a prompt shape.
struct AgentRule {
  bool prompt = false;
  size_t definition = 0;
};

struct AgentRuleSet {
  std::shared_ptr<const PatternSet> patterns;
  std::vector<AgentRule> rules;  // rules[match.id]
};

struct PromptLimits {
  size_t min_chars = 16, min_words = 3, preview_chars = 120;
};

class AgentKnowledge {
 public:
  // Aborts with a clear message when the shipped data does not compile (tests prevent that).
  static const AgentKnowledge& Get();
  static Result<std::unique_ptr<AgentKnowledge>> Build();

  const AgentRuleSet* ForFamily(std::string_view family) const;
  const std::vector<Definition>& definitions() const { return definitions_; }
  const PromptLimits& limits() const { return limits_; }
  // True when the path is a prompt file (prompt_files in the data).
  bool IsPromptFile(std::string_view rel_path) const;
  size_t prompt_file_max_bytes() const { return prompt_file_max_bytes_; }
  // Credential-looking spans in a prompt besides the AI keys (prompt_secrets).
  const std::vector<std::unique_ptr<re2::RE2>>& prompt_secrets() const { return prompt_secrets_; }
  // "shell", "code", "file-write", … for a named tool class; empty when unknown.
  std::string_view CapabilityOf(std::string_view tool) const;

 private:
  AgentKnowledge() = default;
  std::vector<Definition> definitions_;
  std::unordered_map<std::string, AgentRuleSet> by_family_;
  PromptLimits limits_;
  std::vector<std::string> prompt_globs_, prompt_folders_, prompt_folder_exts_;
  size_t prompt_file_max_bytes_ = 256 * 1024;
  std::vector<std::unique_ptr<re2::RE2>> prompt_secrets_;
  std::unordered_map<std::string, std::string> capabilities_;
};

}  // namespace aisec::catalog::code
