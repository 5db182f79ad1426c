// Pipfile (pipenv, TOML): [packages] are the runtime dependencies and [dev-packages] the
// development ones. A value is a specifier ("*", "==1.0", ">=1.2") or a table with version,
// extras, markers, git/ref, path, editable and index (read by dependency_table.h).
#include <toml++/toml.h>

#include "catalog/python/dependency_table.h"
#include "catalog/python/load.h"
#include "catalog/python/project.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/pipfile";

void ReadSection(Context& ctx, const LineIndex& lines, const toml::table& doc,
                 std::string_view section, bool dev, std::vector<Component>& deps) {
  auto view = doc[section];
  if (!view) return;
  const toml::table* packages = view.as_table();
  if (!packages) {
    ctx.Warn(view.node()->source().begin.line, "[" + std::string(section) + "] is not a table",
             kSource);
    return;
  }
  for (const auto& [key, value] : *packages) {
    std::vector<std::pair<uint32_t, std::string>> errors;
    for (const auto& dep : ReadTableDependency(key.str(), value, errors)) {
      Component c = MakeTableComponent(dep, ctx.path(), lines.LineText(dep.line));
      c.dev = dev;
      deps.push_back(std::move(c));
    }
    for (auto& [line, message] : errors) ctx.Warn(line, std::move(message), kSource);
  }
}

}  // namespace

void Pipfile(Context& ctx) {
  auto doc = LoadToml(ctx, kSource);
  if (!doc) return;
  LineIndex lines(*ctx.Text());
  std::vector<Component> deps;
  ReadSection(ctx, lines, *doc, "packages", false, deps);
  ReadSection(ctx, lines, *doc, "dev-packages", true, deps);
  EmitProject(ctx, ProjectInfo{}, std::move(deps));
}

}  // namespace aisec::catalog::python
