#pragma once
// Hugging Face model folders (what save_pretrained writes and the Hub serves): config.json
// (architectures, model_type, torch_dtype, auto_map), tokenizer_config.json (tokenizer class,
// chat templates, auto_map), chat_template.json / chat_template.jinja, and the model or dataset
// card (README.md YAML front matter). Parsing only; nothing is imported or rendered.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace aisec::formats::hf {

// One auto_map reference: "AutoModelForCausalLM": "modeling_x.XForCausalLM", possibly with a
// repository prefix ("org/repo--modeling_x.XForCausalLM") that makes transformers fetch code from
// another repository.
struct AutoMapEntry {
  std::string auto_class;  // "AutoModelForCausalLM"
  std::string reference;   // as written
  std::string repo;        // "org/repo" when the reference names another repository
  std::string module;      // "modeling_x"
  std::string file;        // "modeling_x.py" (dots in the module become folders)
  bool plain_module = true;  // the module is a dotted Python identifier (no '/', '..', '\')
};

struct Config {
  std::vector<std::string> architectures;
  std::string model_type, torch_dtype, transformers_version, name_or_path;
  std::vector<AutoMapEntry> auto_map;
  // Has model_type or architectures: a model configuration rather than any config.json.
  bool is_model_config = false;
};

struct ChatTemplate {
  std::string name;  // "default", or the name in a list of named templates
  std::string text;
};

struct TokenizerConfig {
  std::string tokenizer_class;
  std::vector<ChatTemplate> chat_templates;
  std::vector<AutoMapEntry> auto_map;
  bool is_tokenizer_config = false;
};

struct Card {
  std::vector<std::string> licenses;  // license (and license_name when "other")
  std::vector<std::string> base_models;
  std::vector<std::string> datasets;
  std::vector<std::string> languages;
  std::vector<std::string> tags;
  std::string pipeline_tag, library_name, pretty_name;
  std::vector<std::string> task_categories;  // dataset cards
  bool is_model_card = false;
  bool is_dataset_card = false;
  uint32_t front_matter_line = 0;  // 1-based line of the opening '---', 0 when none
};

inline constexpr size_t kMaxListItems = 256;

// JSON files: kParse when the text is not a JSON object.
Result<Config> ParseConfig(std::string_view json, const std::string& path);
Result<TokenizerConfig> ParseTokenizerConfig(std::string_view json, const std::string& path);
// chat_template.json: {"chat_template": "..."} (or a list of named templates).
Result<std::vector<ChatTemplate>> ParseChatTemplateJson(std::string_view json,
                                                        const std::string& path);
// README.md: the YAML front matter between the leading '---' lines. No front matter is not an
// error (an empty Card); malformed YAML is.
Result<Card> ParseCard(std::string_view markdown, const std::string& path);

// "org/repo--modeling_x.Class" -> {repo, module, file}.
AutoMapEntry ParseAutoMapReference(std::string auto_class, std::string reference);

}  // namespace aisec::formats::hf
