#include "catalog/code/agent_knowledge.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

#include "core/data.h"
#include "core/glob.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

constexpr const char* kDataPath = "code/agents.yaml";

std::vector<std::string> Strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence()) {
    for (const auto& x : n) out.push_back(x.as<std::string>());
  }
  return out;
}

Result<DefinitionKind> ParseKind(const std::string& s) {
  if (s == "agent") return DefinitionKind::kAgent;
  if (s == "tool") return DefinitionKind::kTool;
  if (s == "mcp-server") return DefinitionKind::kMcpServer;
  return Status::Parse(std::string(kDataPath) + ": unknown kind " + s);
}

Result<std::unique_ptr<re2::RE2>> OptionalRegex(const YAML::Node& n, const std::string& id,
                                                const char* key) {
  if (!n[key]) return std::unique_ptr<re2::RE2>();
  auto re = std::make_unique<re2::RE2>(n[key].as<std::string>());
  if (!re->ok()) return Status::Parse(std::string(kDataPath) + ": " + id + ": bad " + key);
  return re;
}

Result<Definition> ReadDefinition(const YAML::Node& n) {
  Definition d;
  d.id = n["id"].as<std::string>();
  d.framework = n["framework"].as<std::string>();
  auto kind = ParseKind(n["kind"].as<std::string>());
  if (!kind.ok()) return kind.error();
  d.kind = *kind;
  for (auto [key, field] : {std::pair{"file_needs", &d.file_needs},
                             std::pair{"name_after", &d.name_after},
                             std::pair{"description_after", &d.description_after},
                             std::pair{"owner_before", &d.owner_before}}) {
    auto re = OptionalRegex(n, d.id, key);
    if (!re.ok()) return re.error();
    *field = std::move(re).value();
  }
  d.description_args = Strings(n["description"]);
  d.chain_tools = Strings(n["chain_tools"]);
  d.chain_prompt = Strings(n["chain_prompt"]);
  if (n["description_position"]) d.description_position = n["description_position"].as<int>();
  d.owner_group = n["owner_group"] && n["owner_group"].as<bool>();
  d.bare_args = n["bare_args"] && n["bare_args"].as<bool>();
  d.name_args = Strings(n["name"]);
  d.tool_args = Strings(n["tools"]);
  d.prompt_args = Strings(n["prompt"]);
  if (n["name_position"]) d.name_position = n["name_position"].as<int>();
  if (n["tools_position"]) d.tools_position = n["tools_position"].as<int>();
  d.name_group = n["name_group"] && n["name_group"].as<bool>();
  d.name_from_def = n["name_from_def"] && n["name_from_def"].as<bool>();
  for (const auto& e : n["examples"])
    d.examples.push_back({e["code"].as<std::string>(), e["name"].as<std::string>()});
  return d;
}

}  // namespace

Result<std::unique_ptr<AgentKnowledge>> AgentKnowledge::Build() {
  auto text = DataFile(kDataPath);
  if (!text) return Status::NotFound(std::string("missing data file ") + kDataPath);
  auto doc = ParseYaml(*text, kDataPath);
  if (!doc.ok()) return doc.error();
  std::unique_ptr<AgentKnowledge> k(new AgentKnowledge());
  std::unordered_map<std::string, std::vector<PatternSpec>> specs;
  try {
    const YAML::Node& d = *doc;
    if (const YAML::Node p = d["prompt_text"]) {
      k->limits_.min_chars = p["min_chars"].as<size_t>();
      k->limits_.min_words = p["min_words"].as<size_t>();
      k->limits_.preview_chars = p["preview_chars"].as<size_t>();
    }
    for (const auto& n : d["definitions"]) {
      auto def = ReadDefinition(n);
      if (!def.ok()) return def.error();
      std::string family = n["family"].as<std::string>();
      specs[family].push_back({n["regex"].as<std::string>(), false});
      k->by_family_[family].rules.push_back(
          AgentRule{.prompt = false, .definition = k->definitions_.size()});
      k->definitions_.push_back(std::move(def).value());
    }
    for (const auto& n : d["prompts"]) {
      std::string family = n["family"].as<std::string>();
      specs[family].push_back({n["regex"].as<std::string>(), false});
      k->by_family_[family].rules.push_back(AgentRule{.prompt = true});
    }
    const YAML::Node files = d["prompt_files"];
    k->prompt_globs_ = Strings(files["globs"]);
    k->prompt_folders_ = Strings(files["folders"]);
    k->prompt_folder_exts_ = Strings(files["folder_extensions"]);
    if (files["max_bytes"]) k->prompt_file_max_bytes_ = files["max_bytes"].as<size_t>();
    for (const auto& s : Strings(d["prompt_secrets"])) {
      auto re = std::make_unique<re2::RE2>(s);
      if (!re->ok())
        return Status::Parse(std::string(kDataPath) + ": bad prompt_secrets pattern " + s);
      k->prompt_secrets_.push_back(std::move(re));
    }
    for (const auto& c : d["capabilities"]) {
      k->capabilities_[c["tool"].as<std::string>()] = c["capability"].as<std::string>();
    }
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string(kDataPath) + ": " + e.what());
  }
  for (auto& [family, set] : k->by_family_) {
    auto compiled = PatternSet::Compile(specs[family]);
    if (!compiled.ok())
      return Status::Invalid(std::string(kDataPath) + " " + family + ": " +
                             compiled.error().message);
    set.patterns = std::move(compiled).value();
  }
  return k;
}

const AgentKnowledge& AgentKnowledge::Get() {
  static const std::unique_ptr<AgentKnowledge> kKnowledge = [] {
    auto built = Build();
    if (!built.ok()) {
      std::fprintf(stderr, "aisec: the agent detection data is broken: %s\n",
                   built.error().message.c_str());
      std::abort();
    }
    return std::move(built).value();
  }();
  return *kKnowledge;
}

const AgentRuleSet* AgentKnowledge::ForFamily(std::string_view family) const {
  auto it = by_family_.find(std::string(family));
  return it == by_family_.end() ? nullptr : &it->second;
}

bool AgentKnowledge::IsPromptFile(std::string_view rel_path) const {
  auto slash = rel_path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  for (const auto& g : prompt_globs_) {
    if (GlobMatch(g, base)) return true;
  }
  if (slash == std::string_view::npos) return false;
  std::string_view dir = rel_path.substr(0, slash);
  auto dslash = dir.rfind('/');
  std::string_view parent = dslash == std::string_view::npos ? dir : dir.substr(dslash + 1);
  std::string lower_base = ToLower(base);
  for (const auto& f : prompt_folders_) {
    if (parent != f) continue;
    for (const auto& ext : prompt_folder_exts_) {
      if (lower_base.ends_with(ext)) return true;
    }
  }
  return false;
}

std::string_view AgentKnowledge::CapabilityOf(std::string_view tool) const {
  auto it = capabilities_.find(std::string(tool));
  return it == capabilities_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace aisec::catalog::code
