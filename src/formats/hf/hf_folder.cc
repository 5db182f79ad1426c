#include "core/json_field.h"
#include "formats/hf/hf_folder.h"

#include <algorithm>
#include <cctype>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "core/strings.h"

namespace aisec::formats::hf {
namespace {

using nlohmann::json;

bool IsDottedIdentifier(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
              (c == '.' && s[i - 1] != '.');
    if (!ok) return false;
  }
  return true;
}

// auto_map values are a reference string, or a [slow, fast] pair of them (tokenizers), either of
// which may be null.
std::vector<AutoMapEntry> ReadAutoMap(const json& obj) {
  std::vector<AutoMapEntry> out;
  auto it = obj.find("auto_map");
  if (it == obj.end() || !it->is_object()) return out;
  for (const auto& [cls, v] : it->items()) {
    std::vector<std::string> refs;
    if (v.is_string()) refs.push_back(v.get<std::string>());
    if (v.is_array()) {
      for (const auto& x : v) {
        if (x.is_string()) refs.push_back(x.get<std::string>());
      }
    }
    for (auto& r : refs) {
      if (out.size() < kMaxListItems) out.push_back(ParseAutoMapReference(cls, std::move(r)));
    }
  }
  return out;
}

Result<json> ParseObject(std::string_view text, const std::string& path) {
  auto doc = ParseJson(text, path);
  if (!doc.ok()) return doc.error();
  if (!doc->is_object()) return Status::Parse("not a JSON object", Location{path});
  return std::move(*doc);
}

// chat_template is a string or a list of {"name": …, "template": …}.
std::vector<ChatTemplate> ReadTemplates(const json& v) {
  std::vector<ChatTemplate> out;
  if (v.is_string()) out.push_back(ChatTemplate{"default", v.get<std::string>()});
  if (v.is_array()) {
    for (const auto& t : v) {
      if (!t.is_object() || out.size() >= kMaxListItems) continue;
      std::string text = JsonString(t, "template");
      if (!text.empty()) out.push_back(ChatTemplate{JsonString(t, "name"), std::move(text)});
    }
  }
  return out;
}

// A YAML scalar or sequence of scalars as strings.
std::vector<std::string> YamlList(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) out.push_back(n.as<std::string>());
  if (n.IsSequence()) {
    for (const auto& x : n) {
      if (x.IsScalar() && out.size() < kMaxListItems) out.push_back(x.as<std::string>());
    }
  }
  return out;
}

std::string YamlString(const YAML::Node& n) { return n && n.IsScalar() ? n.as<std::string>() : ""; }

void ReadCardFields(const YAML::Node& doc, Card& card) {
  card.licenses = YamlList(doc["license"]);
  if (!card.licenses.empty() && card.licenses[0] == "other") {
    if (std::string name = YamlString(doc["license_name"]); !name.empty()) {
      card.licenses[0] = name;
    }
  }
  card.base_models = YamlList(doc["base_model"]);
  card.datasets = YamlList(doc["datasets"]);
  card.languages = YamlList(doc["language"]);
  card.tags = YamlList(doc["tags"]);
  card.pipeline_tag = YamlString(doc["pipeline_tag"]);
  card.library_name = YamlString(doc["library_name"]);
  card.pretty_name = YamlString(doc["pretty_name"]);
  card.task_categories = YamlList(doc["task_categories"]);
  // Any one card key makes a card: a card that only states its licence still licenses the model.
  card.is_model_card = !card.base_models.empty() || !card.pipeline_tag.empty() ||
                       !card.library_name.empty() || doc["model-index"] || doc["model_name"] ||
                       !card.licenses.empty() || !card.datasets.empty() || !card.tags.empty();
  card.is_dataset_card = !card.task_categories.empty() || doc["size_categories"] ||
                         doc["dataset_info"] || doc["task_ids"] || doc["source_datasets"] ||
                         doc["annotations_creators"];
  if (card.is_dataset_card && card.base_models.empty() && card.pipeline_tag.empty()) {
    card.is_model_card = false;
  }
}

}  // namespace

AutoMapEntry ParseAutoMapReference(std::string auto_class, std::string reference) {
  AutoMapEntry e{.auto_class = std::move(auto_class), .reference = std::move(reference)};
  std::string_view ref = e.reference;
  if (auto sep = ref.find("--"); sep != std::string_view::npos) {
    e.repo = std::string(ref.substr(0, sep));
    ref = ref.substr(sep + 2);
  }
  auto dot = ref.rfind('.');
  e.module = std::string(dot == std::string_view::npos ? ref : ref.substr(0, dot));
  e.plain_module = IsDottedIdentifier(e.module);
  e.file = e.module;
  if (e.plain_module) std::replace(e.file.begin(), e.file.end(), '.', '/');
  e.file += ".py";
  return e;
}

Result<Config> ParseConfig(std::string_view text, const std::string& path) {
  auto doc = ParseObject(text, path);
  if (!doc.ok()) return doc.error();
  Config c;
  if (auto it = doc->find("architectures"); it != doc->end() && it->is_array()) {
    for (const auto& a : *it) {
      if (a.is_string() && c.architectures.size() < kMaxListItems) {
        c.architectures.push_back(a.get<std::string>());
      }
    }
  }
  c.model_type = JsonString(*doc, "model_type");
  c.torch_dtype = JsonString(*doc, "torch_dtype");
  if (c.torch_dtype.empty()) c.torch_dtype = JsonString(*doc, "dtype");
  c.transformers_version = JsonString(*doc, "transformers_version");
  c.name_or_path = JsonString(*doc, "_name_or_path");
  c.auto_map = ReadAutoMap(*doc);
  c.is_model_config = !c.model_type.empty() || !c.architectures.empty();
  return c;
}

Result<TokenizerConfig> ParseTokenizerConfig(std::string_view text, const std::string& path) {
  auto doc = ParseObject(text, path);
  if (!doc.ok()) return doc.error();
  TokenizerConfig t;
  t.tokenizer_class = JsonString(*doc, "tokenizer_class");
  if (auto it = doc->find("chat_template"); it != doc->end()) t.chat_templates = ReadTemplates(*it);
  t.auto_map = ReadAutoMap(*doc);
  t.is_tokenizer_config = !t.tokenizer_class.empty() || !t.chat_templates.empty() ||
                          doc->contains("model_max_length") ||
                          doc->contains("added_tokens_decoder");
  return t;
}

Result<std::vector<ChatTemplate>> ParseChatTemplateJson(std::string_view text,
                                                        const std::string& path) {
  auto doc = ParseObject(text, path);
  if (!doc.ok()) return doc.error();
  auto it = doc->find("chat_template");
  if (it == doc->end()) return std::vector<ChatTemplate>{};
  return ReadTemplates(*it);
}

Result<Card> ParseCard(std::string_view text, const std::string& path) {
  Card card;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  std::vector<std::string_view> lines = SplitLines(text);
  if (lines.empty() || TrimRight(lines[0]) != "---") return card;
  size_t end = 1;
  while (end < lines.size() && TrimRight(lines[end]) != "---") ++end;
  if (end == lines.size()) return card;  // no closing line: not front matter
  card.front_matter_line = 1;
  std::string yaml;
  for (size_t i = 1; i < end; ++i) yaml.append(lines[i]).append("\n");
  auto doc = ParseYaml(yaml, path);
  if (!doc.ok()) {
    Error e = doc.error();
    if (e.location.line) e.location.line += 1;  // the YAML starts on the second line
    return e;
  }
  if (!doc->IsMap()) return card;
  try {
    ReadCardFields(*doc, card);
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("model card: ") + e.what(), Location{path});
  }
  return card;
}

}  // namespace aisec::formats::hf
