// AI use in source code: imports, SDK calls, model names, hub downloads, endpoints and keys,
// for every language in data/code/languages.yaml.
#include "catalog/code/detector.h"
#include "catalog/registry_decls.h"

namespace aisec::catalog::code {

bool ClaimsSourceCode(std::string_view rel_path) {
  auto slash = rel_path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  return Knowledge::Get().LanguageFor(base) != nullptr;
}

void SourceCode(Context& ctx) {
  const Knowledge& k = Knowledge::Get();
  const Language* lang = k.LanguageFor(ctx.file().Basename());
  if (!lang) return;
  const RuleSet* rules = k.ForFamily(lang->family);
  if (!rules) return;
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, "code");
    return;
  }
  Detect(DetectInput{.text = *text, .family = rules, .shared = k.Shared(), .syntax = &lang->syntax, .path = ctx.path()}, ctx.sink());
}

}  // namespace aisec::catalog::code
