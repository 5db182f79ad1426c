// composer.json (https://getcomposer.org/doc/04-schema.md): "require" and "require-dev" (dev)
// map package names to constraints. Platform requirements (php, ext-*, lib-*) are not packages
// and are skipped.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "catalog/php/composer_project.h"
#include "catalog/php/json_lines.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::php {
namespace {

constexpr std::string_view kSource = "php/composer";
constexpr size_t kMaxRequirements = 20000;

}  // namespace

void ComposerJson(Context& ctx) {
  auto json = python::LoadJson(ctx, kSource);
  if (!json) return;
  std::string_view text = *ctx.Text();  // read once, cached by the context
  if (!json->is_object()) {
    ctx.Warn(1, "composer.json is not a JSON object", kSource);
    return;
  }
  JsonKeyLines key_lines(text);
  LineIndex lines(text);
  std::string folder = std::filesystem::path(ctx.file().abs_path).parent_path().filename().string();
  Component app = ComposerProject(*json, folder, ctx.path(), std::max(1u, key_lines.Line("/name")),
                                  EvidenceMethod::kManifest);
  std::string app_key = app.Key();
  ctx.sink().Add(std::move(app));
  size_t count = 0;
  for (std::string_view section : {"require", "require-dev"}) {
    auto it = json->find(section);
    if (it == json->end()) continue;
    std::string pointer = JsonKeyLines::Member("", section);
    if (!it->is_object()) {
      ctx.Warn(key_lines.Line(pointer), std::string(section) + " is not an object", kSource);
      continue;
    }
    for (const auto& [name, constraint] : it->items()) {
      uint32_t line = key_lines.Line(JsonKeyLines::Member(pointer, name));
      if (IsPlatformPackage(name)) continue;
      if (!constraint.is_string()) {
        ctx.Warn(line, "constraint for " + name + " is not a string", kSource);
        continue;
      }
      if (++count > kMaxRequirements) {
        ctx.Warn(line,
                 "more than " + std::to_string(kMaxRequirements) + " requirements; rest skipped",
                 kSource);
        return;
      }
      std::string spec = constraint.get<std::string>();
      bool exact = IsExactComposerVersion(spec);
      Component c{.name = name,
                  .version = exact ? spec : "",
                  .version_spec = exact ? "" : spec,
                  .ecosystem = "composer",
                  .dev = section == "require-dev"};
      c.purl = MakePurl("composer", c.name, c.version);
      c.evidence.push_back(Evidence{Location{ctx.path(), line, 0, 0}, Snippet(lines.LineText(line)),
                                    EvidenceMethod::kManifest});
      ctx.sink().Relate(app_key, c.Key());
      ctx.sink().Add(std::move(c));
    }
  }
}

}  // namespace aisec::catalog::php
