// go.mod (https://go.dev/ref/mod#go-mod-file): the module (the project), its go and toolchain
// lines, and require, replace and exclude directives, each on one line or in a ( … ) block.
// Versions stay as Go writes them (v1.2.3, pseudo-versions, +incompatible). A requirement marked
// "// indirect" is transitive; go.mod records no graph beyond the module's own requirements.
#include <map>
#include <unordered_map>

#include "catalog/python/project.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::go {
namespace {

constexpr std::string_view kSource = "go/go-mod";
constexpr std::string_view kEcosystem = "golang";
constexpr size_t kMaxDirectives = 200000;

struct Directive {
  std::string verb;
  std::vector<std::string> args;
  bool indirect = false;
  uint32_t line = 0;
  std::string snippet;
};

// Go reads "// indirect" (or a comment starting "indirect;") as the indirect marker.
bool IsIndirectComment(std::string_view comment) {
  comment = Trim(comment);
  return comment == "indirect" || comment.starts_with("indirect;");
}

// Splits a line into tokens: bare words, "interpreted" and `raw` strings. Returns false when a
// quote is not closed. `comment` receives the text after "//".
bool Tokenize(std::string_view line, std::vector<std::string>& tokens, std::string_view& comment) {
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (line.substr(i).starts_with("//")) {
      comment = line.substr(i + 2);
      return true;
    } else if (c == '"' || c == '`') {
      std::string tok;
      for (++i; i < line.size() && line[i] != c; ++i) {
        if (c == '"' && line[i] == '\\' && i + 1 < line.size()) ++i;
        tok += line[i];
      }
      if (i >= line.size()) return false;
      ++i;
      tokens.push_back(std::move(tok));
    } else {
      size_t end = line.find_first_of(" \t\r", i);
      if (end == std::string_view::npos) end = line.size();
      size_t slashes = line.find("//", i);
      end = std::min(end, slashes);
      tokens.emplace_back(line.substr(i, end - i));
      i = end;
    }
  }
  return true;
}

std::vector<Directive> ParseDirectives(Context& ctx, std::string_view text) {
  std::vector<Directive> out;
  std::string block;  // verb of the open "( … )" block
  uint32_t n = 0, block_line = 0;
  for (std::string_view line : SplitLines(text)) {
    ++n;
    if (!IsValidUtf8(line)) {
      ctx.Warn(n, "invalid UTF-8; line skipped", kSource);
      continue;
    }
    std::vector<std::string> tokens;
    std::string_view comment;
    if (!Tokenize(line, tokens, comment)) {
      ctx.Warn(n, "unterminated quoted string", kSource);
      continue;
    }
    if (tokens.empty()) continue;
    if (!block.empty() && tokens.size() == 1 && tokens[0] == ")") {
      block.clear();
      continue;
    }
    Directive d{.indirect = IsIndirectComment(comment), .line = n, .snippet = Snippet(line)};
    if (block.empty()) {
      d.verb = tokens[0];
      tokens.erase(tokens.begin());
      if (tokens.size() == 1 && tokens[0] == "(") {
        block = d.verb;
        block_line = n;
        continue;
      }
    } else {
      d.verb = block;
    }
    d.args = std::move(tokens);
    if (out.size() >= kMaxDirectives) {
      ctx.Warn(n, "too many directives; the rest are skipped", kSource);
      break;
    }
    out.push_back(std::move(d));
  }
  if (!block.empty()) ctx.Warn(block_line, "block \"" + block + " (\" is not closed", kSource);
  return out;
}

struct Replacement {
  std::string old_version;              // empty: every version
  std::string path, version;            // a module, or a local folder when version is empty
  const Directive* directive = nullptr;
};

class GoModule {
 public:
  explicit GoModule(Context& ctx) : ctx_(ctx) {}

  void Read(const std::vector<Directive>& directives) {
    for (const auto& d : directives) {
      if (d.verb == "module" && d.args.size() == 1) {
        module_ = d.args[0];
        module_line_ = d.line;
        module_snippet_ = d.snippet;
      } else if (d.verb == "go" && d.args.size() == 1) {
        project_properties_["aisec:go-version"] = d.args[0];
      } else if (d.verb == "toolchain" && d.args.size() == 1) {
        project_properties_["aisec:go-toolchain"] = d.args[0];
      } else if (d.verb == "replace") {
        AddReplacement(d);
      } else if (d.verb == "exclude" && d.args.size() == 2) {
        excluded_[d.args[0]].push_back(d.args[1]);
      } else if (d.verb == "require") {
        if (d.args.size() == 2 && d.args[1].starts_with('v')) requires_.push_back(&d);
        else ctx_.Warn(d.line, "malformed require: expected a module path and a version", kSource);
      } else if (!IsKnownVerb(d.verb)) {
        ctx_.Warn(d.line, "unknown directive: " + Snippet(d.verb, 40), kSource);
      } else if (d.verb == "module" || d.verb == "go" || d.verb == "toolchain" || d.verb == "exclude") {
        ctx_.Warn(d.line, "malformed " + d.verb + " directive", kSource);
      }
    }
    Emit();
  }

 private:
  static bool IsKnownVerb(std::string_view verb) {
    for (std::string_view v : {"module", "go", "toolchain", "require", "replace", "exclude",
                               "retract", "godebug", "tool", "ignore"}) {
      if (verb == v) return true;
    }
    return false;
  }

  // replace old [v] => new v   |   replace old [v] => ./local/folder
  void AddReplacement(const Directive& d) {
    const auto& a = d.args;
    size_t arrow = 0;
    while (arrow < a.size() && a[arrow] != "=>") ++arrow;
    size_t left = arrow, right = a.size() - std::min(a.size(), arrow + 1);
    if (arrow == a.size() || left < 1 || left > 2 || right < 1 || right > 2) {
      ctx_.Warn(d.line, "malformed replace: expected \"old [version] => new [version]\"", kSource);
      return;
    }
    replacements_.emplace(a[0], Replacement{left == 2 ? a[1] : "", a[arrow + 1],
                                            right == 2 ? a[arrow + 2] : "", &d});
  }

  const Replacement* FindReplacement(const std::string& path, const std::string& version) const {
    const Replacement* any = nullptr;
    auto [begin, end] = replacements_.equal_range(path);
    for (auto it = begin; it != end; ++it) {
      if (it->second.old_version == version) return &it->second;
      if (it->second.old_version.empty()) any = &it->second;
    }
    return any;
  }

  Component Require(const Directive& d) const {
    const std::string& path = d.args[0];
    const std::string& version = d.args[1];
    Component c;
    c.ecosystem = std::string(kEcosystem);
    c.name = path;
    c.version = version;
    c.scope = d.indirect ? Scope::kTransitive : Scope::kDirect;
    c.evidence.push_back(Evidence{Location{ctx_.path(), d.line}, d.snippet, EvidenceMethod::kManifest});
    if (const Replacement* r = FindReplacement(path, version)) {
      c.evidence.push_back(Evidence{Location{ctx_.path(), r->directive->line}, r->directive->snippet,
                                    EvidenceMethod::kManifest});
      if (r->version.empty()) {  // a local folder is built instead of the module
        c.properties["aisec:source"] = "path";
        c.properties["aisec:path"] = r->path;
      } else {  // another module is built instead: that is the dependency
        c.properties["aisec:replaces"] = path + '@' + version;
        c.name = r->path;
        c.version = r->version;
      }
    }
    if (auto it = excluded_.find(path); it != excluded_.end()) {
      c.properties["aisec:excluded-versions"] = Join(it->second, ",");
    }
    // A module built from a local folder is not the published module of that path.
    if (!c.properties.count("aisec:path")) c.purl = MakePurl(kEcosystem, c.name, c.version);
    return c;
  }

  void Emit() {
    if (module_.empty()) ctx_.Warn(1, "no module directive", kSource);
    // The module path names the project; without one it is named after its folder.
    Component project = python::MakeProjectComponent(
        ctx_, python::ProjectInfo{.name = module_, .line = module_line_, .ecosystem = std::string(kEcosystem)});
    project.evidence = {Evidence{Location{ctx_.path(), module_line_ ? module_line_ : 1}, module_snippet_,
                                 EvidenceMethod::kManifest}};
    project.properties.merge(project_properties_);
    std::string project_key = project.Key();
    ctx_.sink().Add(std::move(project));
    for (const Directive* d : requires_) {
      Component c = Require(*d);
      if (c.scope == Scope::kDirect) ctx_.sink().Relate(project_key, c.Key());
      ctx_.sink().Add(std::move(c));
    }
  }

  Context& ctx_;
  std::string module_;
  uint32_t module_line_ = 0;
  std::string module_snippet_;
  std::map<std::string, std::string> project_properties_;
  std::vector<const Directive*> requires_;
  std::unordered_multimap<std::string, Replacement> replacements_;
  std::unordered_map<std::string, std::vector<std::string>> excluded_;
};

}  // namespace

void GoMod(Context& ctx) {
  auto text = python::LoadText(ctx, kSource);
  if (!text) return;
  std::vector<Directive> directives = ParseDirectives(ctx, *text);
  GoModule(ctx).Read(directives);
}

}  // namespace aisec::catalog::go
