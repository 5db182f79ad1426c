// Gradle build scripts, Groovy (build.gradle) and Kotlin (build.gradle.kts): the declarations in
// `dependencies { ... }` blocks, in every notation Gradle accepts for an external module:
//   implementation 'g:a:v'            implementation("g:a:v")         api "g:a:$x"
//   implementation group: 'g', name: 'a', version: 'v'   (Kotlin: group = "g", name = "a", ...)
//   implementation platform('g:a:v')  implementation(libs.some.alias)
//   implementation(libs.bundles.b)
// Project, file and Kotlin-shorthand dependencies are not external modules and are skipped.
// The script is tokenised (comments and strings understood), never evaluated.
#include <algorithm>
#include <filesystem>
#include <map>
#include <span>

#include "catalog/gradle/groovy_lexer.h"
#include "catalog/gradle/manifest_files.h"
#include "catalog/gradle/script_values.h"
#include "catalog/gradle/version_catalog.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::gradle {
namespace {

constexpr std::string_view kSource = "gradle/build";
constexpr size_t kMaxDependencies = 20000;

using Span = std::span<const Token>;

// Drops line ends at both ends of a token span.
Span TrimNewlines(Span s) {
  while (!s.empty() && s.front().kind == TokenKind::kNewline) s = s.subspan(1);
  while (!s.empty() && s.back().kind == TokenKind::kNewline) s = s.first(s.size() - 1);
  return s;
}

// Index of the ')' matching the '(' at `open`, or of the first brace or the end if none.
size_t MatchParen(Span t, size_t open) {
  int depth = 0;
  for (size_t k = open; k < t.size(); ++k) {
    if (t[k].Is("{") || t[k].Is("}")) return k;
    if (t[k].Is("(")) ++depth;
    if (t[k].Is(")") && --depth == 0) return k;
  }
  return t.size();
}

// Splits a call's arguments on top-level commas.
std::vector<Span> SplitArgs(Span args) {
  std::vector<Span> out;
  int depth = 0;
  size_t start = 0;
  for (size_t k = 0; k < args.size(); ++k) {
    if (args[k].Is("(") || args[k].Is("[")) ++depth;
    if (args[k].Is(")") || args[k].Is("]")) --depth;
    if (depth == 0 && args[k].Is(",")) {
      out.push_back(TrimNewlines(args.subspan(start, k - start)));
      start = k + 1;
    }
  }
  out.push_back(TrimNewlines(args.subspan(start)));
  return out;
}

// "a.b.c" from tokens a . b . c, or empty when the span is not a dotted name (".get()" allowed).
std::string DottedName(Span s) {
  std::string out;
  for (size_t k = 0; k < s.size(); ++k) {
    bool name_slot = k % 2 == 0;
    if (name_slot && s[k].kind == TokenKind::kIdent) {
      out += s[k].text;
    } else if (!name_slot && s[k].Is(".")) {
      out += '.';
    } else if (s[k].Is("(") && k + 1 < s.size() && s[k + 1].Is(")") && k + 2 == s.size()) {
      break;  // a trailing call like .get()
    } else {
      return {};
    }
  }
  if (out.ends_with(".get")) out.resize(out.size() - 4);
  return out;
}

class BuildReader {
 public:
  BuildReader(Context& ctx, const std::vector<Token>& tokens, const ScriptValues& values,
              const VersionCatalog* catalog, const LineIndex& lines)
      : ctx_(ctx), t_(tokens), values_(values), catalog_(catalog), lines_(lines) {}

  void Read() {
    Component app = ProjectComponent();
    app_key_ = app.Key();
    ctx_.sink().Add(std::move(app));
    std::vector<std::string_view> blocks;
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_[i].Is("{")) {
        blocks.push_back(BlockName(i));
      } else if (t_[i].Is("}")) {
        if (!blocks.empty()) blocks.pop_back();
      } else if (blocks.empty() || t_[i].kind != TokenKind::kIdent || !AtStatementStart(i)) {
        continue;
      } else if (blocks.back() == "dependencies") {
        i = Declaration(i);
      } else if (blocks.back() == "plugins") {
        i = Plugin(i);
      }
    }
  }

 private:
  Component ProjectComponent() {
    namespace fs = std::filesystem;
    Component c{.kind = ComponentKind::kApplication, .ecosystem = "maven"};
    c.name = fs::path(ctx_.file().abs_path).parent_path().filename().string();
    if (auto v = values_.Lookup("version"); v && *v != "unspecified") {
      GradleVersion gv = SplitGradleVersion(*v);
      c.version = gv.exact;
    }
    c.evidence.push_back(Evidence{Location{ctx_.path(), 1, 0, 0}, Snippet(lines_.LineText(1)),
                                  EvidenceMethod::kManifest});
    return c;
  }

  // The name before a '{': `dependencies {`, `subprojects {`, or `name(...) {` for a call.
  std::string_view BlockName(size_t brace) const {
    size_t k = brace;
    while (k > 0 && t_[k - 1].kind == TokenKind::kNewline) --k;
    if (k == 0) return {};
    if (t_[k - 1].kind == TokenKind::kIdent) return t_[k - 1].text;
    if (!t_[k - 1].Is(")")) return {};
    int depth = 0;
    for (size_t j = k; j-- > 0;) {
      if (t_[j].Is(")")) ++depth;
      if (t_[j].Is("(") && --depth == 0) {
        return j > 0 && t_[j - 1].kind == TokenKind::kIdent ? t_[j - 1].text : std::string_view();
      }
    }
    return {};
  }

  bool AtStatementStart(size_t i) const {
    if (i == 0) return true;
    const Token& p = t_[i - 1];
    return p.kind == TokenKind::kNewline || p.Is("{") || p.Is(";") || p.Is("}");
  }

  // One `configuration <notation>` statement; returns the last token consumed (never a brace).
  size_t Declaration(size_t i) {
    static constexpr std::string_view kKeywords[] = {
        "if", "else", "for", "while", "when", "val", "var", "def", "return", "try", "catch"};
    if (std::find(std::begin(kKeywords), std::end(kKeywords), t_[i].text) != std::end(kKeywords)) {
      return i;
    }
    Span all(t_);
    size_t j = i + 1;
    if (j >= t_.size()) return i;
    size_t begin = j, end;
    if (t_[j].Is("(")) {
      begin = j + 1;
      end = MatchParen(all, j);
    } else if (t_[j].kind == TokenKind::kString || t_[j].kind == TokenKind::kIdent) {
      end = j;
      while (end < t_.size() && !t_[end].Is(";") && !t_[end].Is("{") && !t_[end].Is("}") &&
             !(t_[end].kind == TokenKind::kNewline && !t_[end - 1].Is(","))) {
        ++end;
      }
    } else {
      return i;
    }
    std::string_view conf = t_[i].text;
    std::map<std::string, std::pair<std::string, bool>> map_args;
    for (Span arg : SplitArgs(all.subspan(begin, end - begin))) {
      if (arg.size() >= 3 && arg[0].kind == TokenKind::kIdent &&
          (arg[1].Is(":") || arg[1].Is("="))) {
        bool ok = true;
        auto v = Eval(arg.subspan(2), &ok);
        if (v) map_args[std::string(arg[0].text)] = {*v, ok};
      } else if (!arg.empty()) {
        Notation(conf, arg, t_[i].line, false);
      }
    }
    if (map_args.count("group") && map_args.count("name")) {
      auto& [version, ok] = map_args["version"];
      GradleVersion gv = ok ? SplitGradleVersion(version) : GradleVersion{.spec = version};
      Emit(conf, map_args["group"].first + ':' + map_args["name"].first, gv, t_[i].line, {});
    }
    return end < t_.size() && t_[end].Is(")") ? end : end - 1;
  }

  // Concatenation of string literals and names with '+'.
  std::optional<std::string> Eval(Span s, bool* complete) const {
    std::string out;
    size_t start = 0;
    for (size_t k = 0; k <= s.size(); ++k) {
      if (k < s.size() && !s[k].Is("+")) continue;
      Span term = TrimNewlines(s.subspan(start, k - start));
      start = k + 1;
      bool ok = true;
      if (term.size() == 1 && term[0].kind == TokenKind::kString) {
        out += values_.Expand(term[0], &ok);
      } else if (std::string name = DottedName(term); !name.empty()) {
        auto v = values_.Lookup(name);
        if (!v) return std::nullopt;
        out += *v;
      } else {
        return std::nullopt;
      }
      if (!ok) *complete = false;
    }
    return out;
  }

  void Notation(std::string_view conf, Span arg, uint32_t line, bool platform) {
    if (arg.size() >= 3 && arg[0].kind == TokenKind::kIdent && arg[1].Is("(")) {
      size_t close = MatchParen(arg, 1);
      Span inner = TrimNewlines(arg.subspan(2, std::min(close, arg.size()) - 2));
      std::string_view fn = arg[0].text;
      if (fn == "platform" || fn == "enforcedPlatform") Notation(conf, inner, line, true);
      if (fn == "testFixtures") Notation(conf, inner, line, platform);
      return;  // project(...), files(...), kotlin(...) and the like are not external modules
    }
    std::string name = DottedName(arg);
    if (name.starts_with("libs.")) return CatalogReference(conf, name, line, platform);
    bool ok = true;
    auto text = Eval(arg, &ok);
    if (!text) {
      ctx_.Warn(line, "cannot resolve dependency notation: " + Snippet(lines_.LineText(line), 80),
                kSource);
      return;
    }
    std::string_view notation = *text;
    notation = notation.substr(0, notation.find('@'));  // "g:a:v@ext"
    std::vector<std::string_view> parts = Split(notation, ':');
    if (parts.size() < 2 || parts[0].empty() || parts[1].empty()) {
      ctx_.Warn(line, "not a group:artifact[:version] notation: " + Snippet(*text, 80), kSource);
      return;
    }
    GradleVersion gv;
    if (parts.size() > 2)
      gv = ok ? SplitGradleVersion(parts[2]) : GradleVersion{.spec = std::string(parts[2])};
    std::map<std::string, std::string> props;
    if (parts.size() > 3 && !parts[3].empty())
      props["aisec:maven-classifier"] = std::string(parts[3]);
    if (platform) props["aisec:gradle-platform"] = "true";
    Emit(conf, std::string(parts[0]) + ':' + std::string(parts[1]), gv, line, std::move(props));
  }

  // `id 'x' version 'v'`, `id("x") version "v"`, `kotlin("jvm") version "v"`,
  // `alias(libs.plugins.x)`; returns the last token consumed. Core plugins (java, application,
  // org.gradle.*) are part of Gradle, not dependencies.
  size_t Plugin(size_t i) {
    Span all(t_);
    size_t k = i + 1;
    bool paren = k < t_.size() && t_[k].Is("(");
    if (t_[i].IsIdent("alias") && paren) {
      size_t close = MatchParen(all, k);
      std::string ref = DottedName(all.subspan(k + 1, close - k - 1));
      if (catalog_ != nullptr && ref.starts_with("libs.plugins.")) {
        if (auto it = catalog_->plugins.find(ref.substr(13)); it != catalog_->plugins.end()) {
          Emit(
              "plugins", PluginMarker(it->second.name), it->second.version, t_[i].line,
              {{"aisec:gradle-plugin", it->second.name}, {"aisec:gradle-alias", it->second.alias}});
        }
      }
      return close < t_.size() && t_[close].Is(")") ? close : close - 1;
    }
    k += paren;
    if (k >= t_.size() || t_[k].kind != TokenKind::kString) return i;
    std::string id = values_.Expand(t_[k], nullptr);
    if (t_[i].IsIdent("kotlin"))
      id = "org.jetbrains.kotlin." + id;
    else if (!t_[i].IsIdent("id"))
      return i;
    k += 1 + (paren && k + 1 < t_.size() && t_[k + 1].Is(")"));
    GradleVersion version;
    if (k < t_.size() && t_[k].IsIdent("version")) {
      bool vparen = k + 1 < t_.size() && t_[k + 1].Is("(");
      k += 1 + vparen;
      if (k < t_.size() && t_[k].kind == TokenKind::kString) {
        bool ok = true;
        std::string raw = values_.Expand(t_[k], &ok);
        version = ok ? SplitGradleVersion(raw) : GradleVersion{.spec = raw};
        k += 1 + (vparen && k + 1 < t_.size() && t_[k + 1].Is(")"));
      }
    }
    if (id.find('.') != std::string::npos && !id.starts_with("org.gradle.")) {
      Emit("plugins", PluginMarker(id), version, t_[i].line, {{"aisec:gradle-plugin", id}});
    }
    return k - 1;
  }

  void CatalogReference(std::string_view conf, const std::string& ref, uint32_t line,
                        bool platform) {
    if (catalog_ == nullptr) {
      ctx_.Warn(line, ref + ": no gradle/libs.versions.toml in this folder or above", kSource);
      return;
    }
    std::string accessor = ref.substr(5);
    std::vector<std::string> members{accessor};
    if (accessor.starts_with("bundles.")) {
      auto it = catalog_->bundles.find(accessor.substr(8));
      members = it == catalog_->bundles.end() ? std::vector<std::string>{} : it->second;
      if (it == catalog_->bundles.end()) ctx_.Warn(line, ref + ": unknown bundle", kSource);
    }
    for (const std::string& m : members) {
      auto it = catalog_->libraries.find(m);
      if (it == catalog_->libraries.end()) {
        ctx_.Warn(line, ref + ": no such library in the version catalog", kSource);
        continue;
      }
      std::map<std::string, std::string> props{{"aisec:gradle-alias", it->second.alias}};
      if (platform) props["aisec:gradle-platform"] = "true";
      Emit(conf, it->second.name, it->second.version, line, std::move(props));
    }
  }

  void Emit(std::string_view conf, std::string name, const GradleVersion& v, uint32_t line,
            std::map<std::string, std::string> props) {
    if (++count_ > kMaxDependencies) {
      if (count_ == kMaxDependencies + 1) {
        ctx_.Warn(line,
                  "more than " + std::to_string(kMaxDependencies) + " dependencies; rest skipped",
                  kSource);
      }
      return;
    }
    Component c{
        .name = std::move(name), .version = v.exact, .version_spec = v.spec, .ecosystem = "maven"};
    c.purl = MakePurl("maven", c.name, c.version);
    c.dev = conf.starts_with("test") || Contains(conf, "Test");
    c.properties = std::move(props);
    c.properties["aisec:gradle-configuration"] = std::string(conf);
    c.evidence.push_back(Evidence{Location{ctx_.path(), line, 0, 0}, Snippet(lines_.LineText(line)),
                                  EvidenceMethod::kManifest});
    ctx_.sink().Relate(app_key_, c.Key());
    ctx_.sink().Add(std::move(c));
  }

  Context& ctx_;
  const std::vector<Token>& t_;
  const ScriptValues& values_;
  const VersionCatalog* catalog_;
  const LineIndex& lines_;
  std::string app_key_;
  size_t count_ = 0;
};

}  // namespace

void BuildGradle(Context& ctx) {
  auto text = ManifestText(ctx, kSource, true);
  if (!text) return;
  auto tokens = LexGradle(*text, ctx.path());
  if (!tokens.ok()) {
    ctx.sink().Warn(tokens.error().location, tokens.error().message, kSource);
    return;
  }
  LineIndex lines(*text);
  ScriptValues values(*tokens);
  for (const NearbyFile& f : ReadUpwards(ctx, "gradle.properties", false, kSource)) {
    values.AddProperties(f.text);
  }
  // The catalog's own problems are reported by its cataloger, not once per build script.
  std::optional<VersionCatalog> catalog;
  for (const NearbyFile& f : ReadUpwards(ctx, "gradle/libs.versions.toml", true, kSource)) {
    if (auto parsed = ParseVersionCatalog(f.text, f.file.rel_path); parsed.ok())
      catalog = std::move(*parsed);
  }
  values.SetCatalog(catalog ? &*catalog : nullptr);
  BuildReader(ctx, *tokens, values, catalog ? &*catalog : nullptr, lines).Read();
}

}  // namespace aisec::catalog::gradle
