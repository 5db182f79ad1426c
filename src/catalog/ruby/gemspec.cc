// *.gemspec: the gem a Ruby project builds, read without evaluating the file. The project is the
// `spec.name` it assigns (the folder when the name is computed), with `spec.version` when it is
// a literal, and its licence from `spec.license = "MIT"` or `spec.licenses = ["MIT", ...]`
// (several licences are a choice, as RubyGems documents them for dual-licensed gems).
#include <filesystem>

#include "catalog/registry_decls.h"
#include "catalog/ruby/ruby_lexer.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::ruby {
namespace {

constexpr std::string_view kSource = "ruby/gemspec";
constexpr size_t kMaxLicenses = 16;

using Kind = RubyTokenKind;

// The literal strings of the statement starting at tokens[i] (up to the line end), or none when
// the value is computed (a constant, a method call, interpolation).
std::vector<std::string> Literals(const std::vector<RubyToken>& t, size_t i) {
  std::vector<std::string> out;
  for (; i < t.size() && t[i].kind != Kind::kNewline && !t[i].Is(";"); ++i) {
    const RubyToken& tok = t[i];
    if (tok.kind == Kind::kString && !tok.interpolated) {
      out.emplace_back(tok.text);
    } else if (tok.kind == Kind::kWords) {
      for (std::string_view w : Split(tok.text, ' ')) {
        if (!Trim(w).empty()) out.emplace_back(Trim(w));
      }
    } else if (tok.IsIdent("freeze")) {
      continue;  // "MIT".freeze, as installed gem specifications write it
    } else if (tok.kind != Kind::kPunct) {
      return {};  // computed: not something we can read without running Ruby
    }
    if (out.size() > kMaxLicenses) break;
  }
  return out;
}

}  // namespace

void Gemspec(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.Warn(1, text.error().message, kSource);
    return;
  }
  auto tokens = LexRuby(*text, ctx.path());
  if (!tokens.ok()) {
    ctx.sink().Warn(tokens.error().location, tokens.error().message, kSource);
    return;
  }
  const std::vector<RubyToken>& t = *tokens;
  Component app{.kind = ComponentKind::kApplication, .ecosystem = "gem"};
  uint32_t line = 1;
  std::vector<std::string> licenses;
  // <receiver> . <attribute> = <value>
  for (size_t i = 2; i + 1 < t.size(); ++i) {
    if (!t[i + 1].Is("=") || !t[i - 1].Is(".") || t[i].kind != Kind::kIdent) continue;
    std::vector<std::string> values = Literals(t, i + 2);
    if (values.empty()) continue;
    if (t[i].text == "name" && app.name.empty()) {
      app.name = values.front();
      line = t[i].line;
    } else if (t[i].text == "version" && app.version.empty()) {
      app.version = values.front();
    } else if (t[i].text == "license" || t[i].text == "licenses") {
      licenses.insert(licenses.end(), values.begin(), values.end());
    }
  }
  if (app.name.empty()) {
    app.name = std::filesystem::path(std::string(ctx.file().Basename())).stem().string();
    app.properties["aisec:named-by"] = "file";
  }
  app.purl = MakePurl("gem", app.name, app.version);
  if (!licenses.empty()) app.licenses.push_back(Snippet(Join(licenses, " OR "), 400));
  app.evidence.push_back(Evidence{Location{ctx.path(), line, 0, 0}, {}, EvidenceMethod::kManifest});
  ctx.sink().Add(std::move(app));
}

}  // namespace aisec::catalog::ruby
