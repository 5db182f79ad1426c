#include "catalog/python/load.h"

#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "core/parse.h"

namespace aisec::catalog::python {
namespace {

template <typename T>
std::optional<T> Warned(Context& ctx, Result<T> r, std::string_view source) {
  if (r.ok()) return std::move(r).value();
  Location loc = r.error().location;
  if (loc.path.empty()) loc.path = ctx.path();
  ctx.sink().Warn(std::move(loc), r.error().message, source);
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> LoadText(Context& ctx, std::string_view source) {
  return Warned(ctx, ctx.Text(), source);
}

std::optional<toml::table> LoadToml(Context& ctx, std::string_view source) {
  auto text = LoadText(ctx, source);
  if (!text) return std::nullopt;
  return Warned(ctx, ParseToml(*text, ctx.path()), source);
}

std::optional<nlohmann::json> LoadJson(Context& ctx, std::string_view source) {
  auto text = LoadText(ctx, source);
  if (!text) return std::nullopt;
  return Warned(ctx, ParseJson(*text, ctx.path()), source);
}

std::optional<YAML::Node> LoadYaml(Context& ctx, std::string_view source) {
  auto text = LoadText(ctx, source);
  if (!text) return std::nullopt;
  return Warned(ctx, ParseYaml(*text, ctx.path()), source);
}

}  // namespace aisec::catalog::python
