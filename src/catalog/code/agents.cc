// Agents, tools and system prompts defined in code (data/code/agents.yaml): LangChain and
// LangGraph, the OpenAI Agents SDK, CrewAI, AutoGen, LlamaIndex, Semantic Kernel, the Vercel AI
// SDK, provider function-calling schemas and MCP servers. Each agent becomes an agent component
// (framework, name, tools, file:line) related to its tools and its system prompt; each string
// literal passed as a system prompt becomes a prompt component (see prompt.h).
#include <re2/re2.h>

#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "catalog/code/agents.h"

#include "catalog/code/agent_knowledge.h"
#include "catalog/code/call_args.h"
#include "catalog/code/knowledge.h"
#include "catalog/code/prompt.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

constexpr std::string_view kSource = "agents";
constexpr size_t kMaxPromptBytes = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class AgentDetection {
 public:
  AgentDetection(std::string_view text, const Syntax& syntax, const std::string& path, Sink& sink,
                 std::function<Location(size_t)> locate)
      : text_(text),
        regions_(text, syntax),
        lines_(text),
        path_(path),
        sink_(sink),
        locate_(std::move(locate)) {}

  // `matches` are the family set's matches in `text_`.
  void Run(const AgentRuleSet& set, const std::vector<PatternMatch>& matches) {
    // Prompts first, so that an agent whose prompt literal was already seen relates to it.
    for (const auto& m : matches) {
      if (set.rules[m.id].prompt) Prompt(m);
    }
    const auto& definitions = AgentKnowledge::Get().definitions();
    for (const auto& m : matches) {
      if (!set.rules[m.id].prompt) Define(definitions[set.rules[m.id].definition], m);
    }
  }

 private:
  struct Literal {
    size_t start;
    std::string text;
  };

  // The string literal starting at `offset` (after blanks and a Python prefix such as f or r),
  // joined with the literals that follow it through blanks or '+' ("a" "b", "a" + "b").
  std::optional<Literal> LiteralChain(size_t offset) const {
    std::optional<Literal> out;
    size_t i = offset;
    while (i < text_.size()) {
      // PROMPT = ("a" "b"): an opening parenthesis may come before the first literal.
      while (i < text_.size() &&
             (IsSpace(text_[i]) || (out && (text_[i] == '+' || text_[i] == '\\')) ||
              (!out && text_[i] == '(' && i == SkipSpace(offset)))) {
        ++i;
      }
      size_t q = i;
      while (q < text_.size() && q - i < 2 && text_[q] != '\0' && std::strchr("rRbBfFuU", text_[q]))
        ++q;
      auto lit = regions_.LiteralStartingAt(text_, q);
      if (!lit) break;
      if (!out) out = Literal{lit->start, ""};
      if (out->text.size() + lit->content.size() > kMaxPromptBytes) break;
      out->text.append(lit->content);
      i = lit->end;
    }
    return out;
  }

  size_t SkipSpace(size_t i) const {
    while (i < text_.size() && IsSpace(text_[i])) ++i;
    return i;
  }

  Location Locate(size_t offset) const {
    if (locate_) return locate_(offset);
    return Location{path_, lines_.Line(offset), lines_.Column(offset), 0};
  }
  std::string LineSnippet(size_t offset) const {
    return Snippet(RedactCredentials(lines_.LineText(lines_.Line(offset))));
  }

  // The identifier assigned on the line before `offset` ("planner = create_react_agent(", Go
  // "agent := …"), or on the line above when the call continues a builder chain
  // ("let agent = client\n    .agent(…)").
  std::string AssignedName(size_t offset) const {
    size_t nl = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    size_t from = nl == std::string_view::npos ? 0 : nl + 1;
    std::string_view prefix = text_.substr(from, offset - from);
    static const re2::RE2 kAssign(
        R"(([A-Za-z_$][A-Za-z0-9_$]*)\s*(?::\s*[A-Za-z_][A-Za-z0-9_.\[\]<>]*\s*)?:?=\s*(?:await\s+)?(?:[A-Za-z_][A-Za-z0-9_:]*\.?)?$)");
    static const re2::RE2 kChainHead(
        R"(([A-Za-z_$][A-Za-z0-9_$]*)\s*(?::\s*[A-Za-z_][A-Za-z0-9_.\[\]<>]*\s*)?:?=\s*[A-Za-z_][A-Za-z0-9_.:]*\s*$)");
    std::string name;
    if (Trim(prefix).empty() && nl != std::string_view::npos && nl > 0) {
      size_t prev_nl = text_.rfind('\n', nl - 1);
      size_t prev = prev_nl == std::string_view::npos ? 0 : prev_nl + 1;
      std::string_view line = text_.substr(prev, nl - prev);
      re2::RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kChainHead, &name);
      return name;
    }
    re2::RE2::PartialMatch(re2::StringPiece(prefix.data(), prefix.size()), kAssign, &name);
    return name;
  }

  void Prompt(const PatternMatch& m) {
    if (regions_.At(m.start) == Region::kComment) return;
    auto lit = LiteralChain(m.end);
    if (!lit || !LooksLikePrompt(lit->text) || prompt_at_.count(lit->start)) return;
    std::string key = ReportPrompt(lit->text, PromptOrigin{Locate(lit->start), "code", ""}, sink_);
    prompt_at_[lit->start] = key;
    // SYSTEM_PROMPT = "…": agents may name the prompt by its variable.
    static const re2::RE2 kStatement(
        R"(^\s*(?:(?:export\s+)?(?:const|let|var)\s+)?([A-Za-z_$][A-Za-z0-9_$]*)\s*(?::[^=]*)?=\s*$)");
    size_t nl = text_.rfind('\n', m.end - 1);
    size_t from = nl == std::string_view::npos ? 0 : nl + 1;
    std::string_view head = text_.substr(from, m.end - from);
    std::string var;
    if (re2::RE2::FullMatch(re2::StringPiece(head.data(), head.size()), kStatement, &var))
      prompt_var_[var] = key;
  }

  // Where a module-level `name = ` assignment's value starts, if the file has one.
  std::optional<size_t> AssignmentOf(std::string_view name) const {
    re2::RE2 assign("(?m)^[ \t]*(?:(?:export[ \t]+)?(?:const|let|var)[ \t]+)?" +
                    re2::RE2::QuoteMeta(name) + "[ \t]*(?::[^=\n]*)?=[ \t]*");
    re2::StringPiece input(text_.data(), text_.size()), match;
    if (!assign.Match(input, 0, text_.size(), re2::RE2::UNANCHORED, &match, 1)) return std::nullopt;
    return static_cast<size_t>(match.data() - text_.data()) + match.size();
  }

  // The prompt an agent's argument names: a literal, or a variable assigned a literal.
  std::string PromptOf(std::string_view raw, const std::string& framework) {
    raw = Trim(raw);
    if (raw.empty()) return "";
    if (auto it = prompt_var_.find(std::string(raw)); it != prompt_var_.end()) return it->second;
    size_t at = static_cast<size_t>(raw.data() - text_.data());
    static const re2::RE2 kIdentifier(R"([A-Za-z_$][A-Za-z0-9_$]*)");
    if (re2::RE2::FullMatch(re2::StringPiece(raw.data(), raw.size()), kIdentifier)) {
      auto value = AssignmentOf(raw);
      if (!value) return "";
      at = *value;
    }
    auto lit = LiteralChain(at);
    if (!lit || !LooksLikePrompt(lit->text)) return "";
    if (auto it = prompt_at_.find(lit->start); it != prompt_at_.end()) return it->second;
    std::string key =
        ReportPrompt(lit->text, PromptOrigin{Locate(lit->start), "code", framework}, sink_);
    prompt_at_[lit->start] = key;
    return key;
  }

  bool FileMatches(const Definition& d) {
    if (!d.file_needs) return true;
    auto [it, added] = file_needs_.try_emplace(&d, false);
    if (added)
      it->second =
          re2::RE2::PartialMatch(re2::StringPiece(text_.data(), text_.size()), *d.file_needs);
    return it->second;
  }

  // The offset just inside the call's '(' (or an object initializer's '{') when the match ends
  // with or is followed by one.
  std::optional<size_t> OpenParen(size_t end) const {
    if (end > 0 && (text_[end - 1] == '(' || text_[end - 1] == '{')) return end;
    size_t i = end;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    if (i < text_.size() && text_[i] == '(') return i + 1;
    return std::nullopt;
  }

  std::string DecoratedFunction(size_t from) const {
    static const re2::RE2 kDef(
        R"(^\s*(?:@[^\n]*\n\s*)*(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*))");
    std::string_view rest = text_.substr(from, 600);
    std::string name;
    re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), kDef, &name);
    return name;
  }

  // The first capture group of `re` matched at the start of the text after `from`.
  std::string GroupAfter(const re2::RE2& re, size_t from) const {
    std::string_view rest = text_.substr(std::min(from, text_.size()), 1500);
    std::string out;
    re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), re, &out);
    return out;
  }

  // A string literal argument: by keyword, else by position.
  static std::string LiteralArg(const CallArgs& args, const std::vector<std::string>& keys,
                                int position) {
    for (const auto& k : keys) {
      if (auto it = args.keywords.find(k); it != args.keywords.end() && !it->second.second.empty())
        return std::string(it->second.second);
    }
    if (position >= 0 && static_cast<size_t>(position) < args.positional.size()) {
      if (auto lit = QuotedLiteral(args.positional[static_cast<size_t>(position)]);
          lit && !lit->empty()) {
        return std::string(*lit);
      }
    }
    return "";
  }

  std::string OwnerOf(const Definition& d, const PatternMatch& m) const {
    if (d.owner_group && !m.groups.empty()) return std::string(m.groups[0]);
    if (!d.owner_before) return "";
    re2::StringPiece prefix(text_.data(), m.start), group;
    std::string owner;
    while (re2::RE2::FindAndConsume(&prefix, *d.owner_before, &group)) owner = std::string(group);
    return owner;
  }

  std::string NameOf(const Definition& d, const PatternMatch& m, const CallArgs& args,
                     size_t after) const {
    if (d.name_group && !m.groups.empty() && !m.groups[0].empty()) return std::string(m.groups[0]);
    if (std::string name = LiteralArg(args, d.name_args, d.name_position); !name.empty())
      return name;
    if (d.name_after) {
      if (std::string name = GroupAfter(*d.name_after, after); !name.empty()) return name;
    }
    if (d.name_from_def) return DecoratedFunction(after);
    if (d.owner_group) return OwnerOf(d, m);
    if (d.kind == DefinitionKind::kAgent) return AssignedName(m.start);
    return "";
  }

  // A list as written, or the list a variable is assigned (Go `agentTools := []tools.Tool{…}`).
  std::vector<std::string> ListOrVariable(std::string_view raw) const {
    static const re2::RE2 kIdentifier(R"([A-Za-z_$][A-Za-z0-9_$]*)");
    raw = Trim(raw);
    if (re2::RE2::FullMatch(re2::StringPiece(raw.data(), raw.size()), kIdentifier)) {
      if (auto at = AssignmentOf(raw)) return ListedNames(text_.substr(*at, 2000));
    }
    return ListedNames(raw);
  }

  std::vector<std::string> ToolsOf(const Definition& d, const CallArgs& args) const {
    for (const auto& k : d.tool_args) {
      if (auto it = args.raw.find(k); it != args.raw.end()) return ListOrVariable(it->second);
    }
    if (d.tools_position >= 0 && static_cast<size_t>(d.tools_position) < args.positional.size()) {
      return ListOrVariable(args.positional[static_cast<size_t>(d.tools_position)]);
    }
    return {};
  }

  void Define(const Definition& d, const PatternMatch& m) {
    if (regions_.At(m.start) == Region::kComment || !FileMatches(d)) return;
    // Call patterns must start in code; schema patterns start at a quoted key.
    if (!d.name_group && regions_.At(m.start) != Region::kCode) return;
    CallArgs args;
    size_t after = m.end;
    if (auto open = OpenParen(m.end)) {
      args = ReadCallArgs(text_, *open);
      after = args.close ? args.close + 1 : *open;
    } else if (d.bare_args) {
      args = ReadBareArgs(text_, m.end);
    }
    // Snippet drops what is not valid UTF-8, which can be all of a hostile literal.
    std::string name = Snippet(NameOf(d, m, args, after), 80);
    if (name.empty() && d.kind == DefinitionKind::kAgent) {
      name = path_.substr(path_.rfind('/') == std::string::npos ? 0 : path_.rfind('/') + 1) + ":" +
             std::to_string(Locate(m.start).line);
    }
    if (name.empty()) return;
    Component c;
    c.name = std::move(name);
    c.scope = Scope::kUsed;
    c.confidence = 0.85;
    c.evidence.push_back(Evidence{Locate(m.start), LineSnippet(m.start), EvidenceMethod::kCall});
    if (d.kind == DefinitionKind::kMcpServer) {
      c.kind = ComponentKind::kTool;
      c.ai = AiInfo{.category = "mcp", .provider = "Model Context Protocol"};
      c.properties["aisec:mcp:defined-in"] = "code";
    } else if (d.kind == DefinitionKind::kTool) {
      DefineTool(d, m, args, after, c);
    } else {
      DefineAgent(d, args, after, c);
    }
    sink_.Add(std::move(c));
  }

  void DefineTool(const Definition& d, const PatternMatch& m, const CallArgs& args, size_t after,
                  Component& c) const {
    c.kind = ComponentKind::kTool;
    c.ai = AiInfo{.category = "agent-tool"};
    c.properties["aisec:tool:framework"] = d.framework;
    if (auto cap = AgentKnowledge::Get().CapabilityOf(c.name); !cap.empty())
      c.properties["aisec:tool:capability"] = cap;
    std::string description = LiteralArg(args, d.description_args, d.description_position);
    if (description.empty() && d.description_after)
      description = GroupAfter(*d.description_after, after);
    if (!description.empty())
      c.properties["aisec:tool:description"] = Snippet(RedactCredentials(description), 200);
    if (std::string owner = OwnerOf(d, m); !owner.empty() && owner != c.name)
      c.properties["aisec:tool:class"] = owner;
  }

  // Tools and the prompt handed over in the builder calls chained after the agent's call.
  void ReadChain(const Definition& d, size_t after, std::vector<std::string>& tools,
                 std::string_view& prompt_raw) const {
    if (d.chain_tools.empty() && d.chain_prompt.empty()) return;
    auto has = [](const std::vector<std::string>& v, const std::string& s) {
      return std::find(v.begin(), v.end(), s) != v.end();
    };
    for (const auto& call : ChainedCalls(text_, after)) {
      bool for_tools = has(d.chain_tools, call.method);
      if (!for_tools && !has(d.chain_prompt, call.method)) continue;
      CallArgs args = ReadCallArgs(text_, call.open);
      if (for_tools) {
        for (auto& t : ArgumentNames(args)) tools.push_back(std::move(t));
      } else if (prompt_raw.empty() && !args.positional.empty()) {
        prompt_raw = args.positional[0];
      }
    }
  }

  void DefineAgent(const Definition& d, const CallArgs& args, size_t after, Component& c) {
    c.kind = ComponentKind::kAgent;
    c.ai = AiInfo{.category = "agent"};
    c.properties["aisec:agent:framework"] = d.framework;
    std::string key = c.Key();
    std::vector<std::string> tools = ToolsOf(d, args);
    std::string_view chain_prompt;
    ReadChain(d, after, tools, chain_prompt);
    if (!tools.empty()) c.properties["aisec:agent:tools"] = Snippet(Join(tools, ","), 400);
    for (const auto& t : tools) {
      Component tool;
      tool.kind = ComponentKind::kTool;
      tool.name = t;
      sink_.Relate(key, tool.Key(), RelationKind::kDependsOn);
      // A named tool class from a library is only seen here: inventory it with its capability.
      if (auto cap = AgentKnowledge::Get().CapabilityOf(t);
          !cap.empty() && named_tools_.insert(t).second) {
        tool.scope = Scope::kUsed;
        tool.ai = AiInfo{.category = "agent-tool"};
        tool.properties["aisec:tool:capability"] = cap;
        tool.evidence = c.evidence;
        sink_.Add(std::move(tool));
      }
    }
    std::vector<std::string_view> candidates;
    for (const auto& k : d.prompt_args) {
      if (auto it = args.raw.find(k); it != args.raw.end()) candidates.push_back(it->second);
    }
    if (!chain_prompt.empty()) candidates.push_back(chain_prompt);
    for (auto raw : candidates) {
      if (std::string prompt = PromptOf(raw, d.framework); !prompt.empty()) {
        c.properties["aisec:agent:prompt"] = prompt;
        sink_.Relate(key, prompt, RelationKind::kDependsOn);
        break;
      }
    }
  }

  std::string_view text_;
  RegionMap regions_;
  LineIndex lines_;
  const std::string& path_;
  Sink& sink_;
  std::function<Location(size_t)> locate_;  // empty: line and column in text_
  std::map<size_t, std::string> prompt_at_;        // literal start -> prompt key
  std::map<std::string, std::string> prompt_var_;  // variable -> prompt key
  std::map<const Definition*, bool> file_needs_;
  std::set<std::string> named_tools_;
};

}  // namespace

void DetectAgents(std::string_view text, const Language& lang, const std::string& path, Sink& sink,
                  std::function<Location(size_t)> locate) {
  const AgentRuleSet* set = AgentKnowledge::Get().ForFamily(lang.family);
  if (!set) return;
  std::vector<PatternMatch> matches;
  set->patterns->Scan(text, [&](const PatternMatch& m) { matches.push_back(m); });
  if (matches.empty()) return;  // most files: no lexing, no line index
  AgentDetection(text, lang.syntax, path, sink, std::move(locate)).Run(*set, matches);
}

void AgentCode(Context& ctx) {
  const Language* lang = Knowledge::Get().LanguageFor(ctx.file().Basename());
  if (!lang || !AgentKnowledge::Get().ForFamily(lang->family)) return;
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, kSource);
    return;
  }
  DetectAgents(*text, *lang, ctx.path(), ctx.sink(), nullptr);
}

}  // namespace aisec::catalog::code
