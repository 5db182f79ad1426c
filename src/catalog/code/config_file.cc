// AI use in configuration: .env files, YAML/JSON/TOML/INI/properties (Spring AI, appsettings.json,
// Helm values, …) and Dockerfile ENV lines. Everything in them counts, comments aside from
// nothing: a model name or an endpoint in a config file is configuration, not prose.
#include <array>

#include "catalog/code/detector.h"
#include "catalog/registry_decls.h"
#include "core/glob.h"

namespace aisec::catalog::code {
namespace {

// Lock files are large, machine-written and never configure AI use.
constexpr std::array<std::string_view, 7> kNotConfig = {
    "package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "composer.lock",
    "*.lock", "*.ipynb", "tsconfig*.json"};

}  // namespace

bool ClaimsConfigFile(std::string_view rel_path) {
  static constexpr std::array<std::string_view, 17> kConfig = {
      ".env", ".env.*", "*.env", "*.yaml", "*.yml", "*.json", "*.toml", "*.properties", "*.ini",
      "*.cfg", "*.conf", "Dockerfile", "Dockerfile.*", "*.dockerfile", "*.tf", "*.tfvars", "*.hcl"};
  auto slash = rel_path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  for (auto g : kNotConfig) {
    if (GlobMatch(g, base)) return false;
  }
  for (auto g : kConfig) {
    if (GlobMatch(g, base)) return true;
  }
  return false;
}

void ConfigFile(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, "config");
    return;
  }
  Detect(DetectInput{.text = *text, .family = nullptr, .shared = Knowledge::Get().Shared(), .path = ctx.path()}, ctx.sink());
}

}  // namespace aisec::catalog::code
