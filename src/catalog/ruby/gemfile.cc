// Bundler Gemfiles (https://bundler.io/guides/gemfile.html): `gem "name", "constraint"...,
// options` declarations, inside `group ... do` blocks or with group:/groups: options. A Gemfile is
// Ruby code; it is tokenised and read declaratively, never evaluated, so gems behind a condition
// are all reported.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <span>

#include "catalog/gradle/manifest_files.h"
#include "catalog/registry_decls.h"
#include "catalog/ruby/ruby_lexer.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::ruby {
namespace {

constexpr std::string_view kSource = "ruby/gemfile";
constexpr size_t kMaxGems = 20000;
constexpr size_t kMaxBlockDepth = 256;

using Tokens = std::span<const RubyToken>;
using Kind = RubyTokenKind;

// A value written in an option: a string, symbol, word, boolean, or an array of those.
std::vector<std::string> Values(Tokens v) {
  std::vector<std::string> out;
  for (const RubyToken& t : v) {
    if (t.kind == Kind::kString || t.kind == Kind::kSymbol || t.kind == Kind::kIdent) {
      out.emplace_back(t.text);
    } else if (t.kind == Kind::kWords) {
      for (std::string_view w : Split(t.text, ' ')) {
        if (!Trim(w).empty()) out.emplace_back(Trim(w));
      }
    }
  }
  return out;
}

// Splits statement arguments on top-level commas, dropping line ends.
std::vector<Tokens> SplitArgs(Tokens s) {
  std::vector<Tokens> out;
  int depth = 0;
  size_t start = 0;
  for (size_t k = 0; k <= s.size(); ++k) {
    if (k < s.size()) {
      if (s[k].Is("(") || s[k].Is("[") || s[k].Is("{")) ++depth;
      if (s[k].Is(")") || s[k].Is("]") || s[k].Is("}")) --depth;
      if (depth != 0 || !s[k].Is(",")) continue;
    }
    Tokens arg = s.subspan(start, k - start);
    while (!arg.empty() && (arg.front().kind == Kind::kNewline || arg.front().Is("(")))
      arg = arg.subspan(1);
    while (!arg.empty() && (arg.back().kind == Kind::kNewline || arg.back().Is(")")))
      arg = arg.first(arg.size() - 1);
    if (!arg.empty()) out.push_back(arg);
    start = k + 1;
  }
  return out;
}

struct Block {
  std::vector<std::string> groups;  // set for `group ... do`
};

class GemfileReader {
 public:
  GemfileReader(Context& ctx, const std::vector<RubyToken>& tokens, const LineIndex& lines)
      : ctx_(ctx), t_(tokens), lines_(lines) {}

  void Read() {
    Component app{.kind = ComponentKind::kApplication, .ecosystem = "gem"};
    app.name = std::filesystem::path(ctx_.file().abs_path).parent_path().filename().string();
    app.evidence.push_back(Evidence{Location{ctx_.path(), 1, 0, 0}, Snippet(lines_.LineText(1)),
                                    EvidenceMethod::kManifest});
    app_key_ = app.Key();
    ctx_.sink().Add(std::move(app));
    for (size_t i = 0; i < t_.size(); ++i) {
      const RubyToken& tok = t_[i];
      bool start = i == 0 || t_[i - 1].kind == Kind::kNewline || t_[i - 1].Is(";");
      if (tok.IsIdent("end") || tok.Is("}")) {
        if (!blocks_.empty()) blocks_.pop_back();
      } else if (tok.IsIdent("do") || tok.Is("{")) {
        Push({}, tok.line);
      } else if (start && tok.IsIdent("gem")) {
        i = Gem(i);
      } else if (start && tok.IsIdent("group")) {
        size_t end = StatementEnd(i + 1);
        Push(Block{Values(Tokens(t_).subspan(i + 1, end - i - 1))}, tok.line);
        i = end < t_.size() && t_[end].IsIdent("do") ? end : end - 1;
      } else if (start && tok.kind == Kind::kIdent &&
                 (tok.text == "if" || tok.text == "unless" || tok.text == "case" ||
                  tok.text == "while" || tok.text == "until" || tok.text == "begin" ||
                  tok.text == "def")) {
        Push({}, tok.line);
      }
    }
  }

 private:
  void Push(Block b, uint32_t line) {
    if (blocks_.size() < kMaxBlockDepth) {
      blocks_.push_back(std::move(b));
    } else if (!too_deep_) {
      too_deep_ = true;
      ctx_.Warn(line, "blocks nested deeper than " + std::to_string(kMaxBlockDepth), kSource);
    }
  }

  // First token after a statement: a line end (unless the line ends with ',' or '=>'), ';',
  // a trailing `do`, or a modifier if/unless.
  size_t StatementEnd(size_t k) const {
    int depth = 0;
    for (; k < t_.size(); ++k) {
      const RubyToken& t = t_[k];
      if (t.Is("(") || t.Is("[")) ++depth;
      if (t.Is(")") || t.Is("]")) --depth;
      if (depth > 0) continue;
      if (t.kind == Kind::kNewline && k > 0 && !t_[k - 1].Is(",") && !t_[k - 1].Is("=>")) break;
      if (t.Is(";") || t.IsIdent("do") || t.IsIdent("if") || t.IsIdent("unless")) break;
    }
    return k;
  }

  size_t Gem(size_t i) {
    size_t end = StatementEnd(i + 1);
    uint32_t line = t_[i].line;
    std::string name;
    std::vector<std::string> constraints;
    std::map<std::string, std::vector<std::string>> options;
    bool unresolved = false;
    for (Tokens arg : SplitArgs(Tokens(t_).subspan(i + 1, end - i - 1))) {
      if (arg[0].kind == Kind::kLabel) {
        options[std::string(arg[0].text)] = Values(arg.subspan(1));
      } else if (arg.size() >= 2 && arg[1].Is("=>")) {
        options[std::string(arg[0].text)] = Values(arg.subspan(2));
      } else if (arg.size() == 1 && arg[0].kind == Kind::kString) {
        unresolved = unresolved || arg[0].interpolated;
        (name.empty() ? name : constraints.emplace_back()) = std::string(Trim(arg[0].text));
      } else if (name.empty()) {
        unresolved = true;
      }
    }
    if (name.empty() || unresolved) {
      ctx_.Warn(line, "cannot read gem declaration: " + Snippet(lines_.LineText(line), 80),
                kSource);
    } else {
      Emit(name, constraints, options, line);
    }
    return end < t_.size() && t_[end].IsIdent("do") ? end : end - 1;
  }

  void Emit(const std::string& name, const std::vector<std::string>& constraints,
            std::map<std::string, std::vector<std::string>>& options, uint32_t line) {
    if (++count_ > kMaxGems) {
      if (count_ == kMaxGems + 1)
        ctx_.Warn(line, "more than " + std::to_string(kMaxGems) + " gems; rest skipped", kSource);
      return;
    }
    Component c{.name = name, .ecosystem = "gem"};
    std::string exact;
    if (constraints.size() == 1) {
      std::string_view v = Trim(constraints[0]);
      if (v.starts_with("=") && !v.starts_with("=>")) v = Trim(v.substr(1));
      if (!v.empty() && v.find_first_of("<>~!= ") == std::string_view::npos) exact = std::string(v);
    }
    c.version = exact;
    if (exact.empty()) c.version_spec = Join(constraints, ", ");
    c.purl = MakePurl("gem", c.name, c.version);
    std::set<std::string> groups;
    for (const Block& b : blocks_) groups.insert(b.groups.begin(), b.groups.end());
    for (const char* key : {"group", "groups"}) {
      for (const auto& g : options[key]) groups.insert(g);
    }
    c.dev = !groups.empty() && std::all_of(groups.begin(), groups.end(), [](const std::string& g) {
      return g == "development" || g == "test";
    });
    if (!groups.empty())
      c.properties["aisec:gem-groups"] =
          Join(std::vector<std::string>(groups.begin(), groups.end()), ",");
    for (const char* key : {"git", "github", "path", "branch", "tag", "ref", "source"}) {
      if (!options[key].empty()) c.properties[std::string("aisec:gem-") + key] = options[key][0];
    }
    c.evidence.push_back(Evidence{Location{ctx_.path(), line, 0, 0}, Snippet(lines_.LineText(line)),
                                  EvidenceMethod::kManifest});
    ctx_.sink().Relate(app_key_, c.Key());
    ctx_.sink().Add(std::move(c));
  }

  Context& ctx_;
  const std::vector<RubyToken>& t_;
  const LineIndex& lines_;
  std::vector<Block> blocks_;
  std::string app_key_;
  size_t count_ = 0;
  bool too_deep_ = false;
};

}  // namespace

void Gemfile(Context& ctx) {
  auto text = ManifestText(ctx, kSource, true);
  if (!text) return;
  auto tokens = LexRuby(*text, ctx.path());
  if (!tokens.ok()) {
    ctx.sink().Warn(tokens.error().location, tokens.error().message, kSource);
    return;
  }
  LineIndex lines(*text);
  GemfileReader(ctx, *tokens, lines).Read();
}

}  // namespace aisec::catalog::ruby
