// Gradle version catalogs (gradle/libs.versions.toml): every library and plugin the catalog
// declares. Declaring is not using: entries are kDeclared, and the build-script cataloger reports
// the same coordinates as direct dependencies where a build script refers to them.
#include <set>

#include "catalog/gradle/manifest_files.h"
#include "catalog/gradle/version_catalog.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::gradle {
namespace {

constexpr std::string_view kSource = "gradle/version-catalog";

Component EntryComponent(Context& ctx, const LineIndex& lines, const CatalogEntry& e,
                         std::string name) {
  Component c{.name = std::move(name),
              .version = e.version.exact,
              .version_spec = e.version.spec,
              .ecosystem = "maven",
              .scope = Scope::kDeclared};
  c.purl = MakePurl("maven", c.name, c.version);
  c.properties["aisec:gradle-alias"] = e.alias;
  c.evidence.push_back(Evidence{Location{ctx.path(), e.line, 0, 0}, Snippet(lines.LineText(e.line)),
                                EvidenceMethod::kManifest});
  return c;
}

}  // namespace

void LibsVersionsToml(Context& ctx) {
  auto text = ManifestText(ctx, kSource, false);
  if (!text) return;
  auto catalog = ParseVersionCatalog(*text, ctx.path());
  if (!catalog.ok()) {
    ctx.sink().Warn(catalog.error().location, catalog.error().message, kSource);
    return;
  }
  for (const Error& p : catalog->problems) ctx.sink().Warn(p.location, p.message, kSource);
  LineIndex lines(*text);
  std::map<std::string, std::set<std::string>> bundles_of;  // library accessor -> bundle aliases
  for (const auto& [bundle, members] : catalog->bundles) {
    for (const auto& m : members) bundles_of[m].insert(bundle);
  }
  for (const auto& [accessor, e] : catalog->libraries) {
    Component c = EntryComponent(ctx, lines, e, e.name);
    if (auto it = bundles_of.find(accessor); it != bundles_of.end()) {
      c.properties["aisec:gradle-bundles"] =
          Join(std::vector<std::string>(it->second.begin(), it->second.end()), ",");
    }
    ctx.sink().Add(std::move(c));
  }
  for (const auto& [accessor, e] : catalog->plugins) {
    Component c = EntryComponent(ctx, lines, e, PluginMarker(e.name));
    c.properties["aisec:gradle-plugin"] = e.name;
    ctx.sink().Add(std::move(c));
  }
  for (const auto& [bundle, members] : catalog->bundles) {
    for (const auto& m : members) {
      if (!catalog->libraries.count(m)) {
        ctx.Warn(catalog->bundle_lines[bundle],
                 "bundle '" + bundle + "' names unknown library '" + m + "'", kSource);
      }
    }
  }
}

}  // namespace aisec::catalog::gradle
