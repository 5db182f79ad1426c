// packages.config, the pre-PackageReference NuGet format
// (https://learn.microsoft.com/nuget/reference/packages-config): one <package> per installed
// package, transitive ones included, with an exact version. developmentDependency marks
// build-time-only packages.
#include <filesystem>

#include "catalog/maven/xml.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::nuget {
namespace {

constexpr std::string_view kSource = "nuget/packages-config";
constexpr size_t kMaxPackages = 20000;

Component ProjectComponent(Context& ctx, const XmlDocument& doc) {
  Component c{.kind = ComponentKind::kApplication, .ecosystem = "nuget"};
  c.name = std::filesystem::path(ctx.file().abs_path).parent_path().filename().string();
  c.evidence.push_back(Evidence{Location{ctx.path(), doc.Line(doc.root()), 0, 0},
                                doc.Snippet(doc.root()), EvidenceMethod::kManifest});
  return c;
}

}  // namespace

void PackagesConfig(Context& ctx) {
  auto loaded = LoadManifestXml(ctx, kSource);
  if (!loaded) return;
  const XmlDocument& doc = *loaded;
  if (LocalName(doc.root()) != "packages") {
    ctx.Warn(doc.Line(doc.root()), "not a packages.config: root element is not <packages>",
             kSource);
    return;
  }
  Component app = ProjectComponent(ctx, doc);
  std::string app_key = app.Key();
  ctx.sink().Add(std::move(app));
  size_t count = 0;
  for (pugi::xml_node p : doc.root().children()) {
    if (p.type() != pugi::node_element || LocalName(p) != "package") continue;
    uint32_t line = doc.Line(p);
    std::string id(Trim(p.attribute("id").value()));
    std::string version(Trim(p.attribute("version").value()));
    if (id.empty()) {
      ctx.Warn(line, "package without id", kSource);
      continue;
    }
    if (++count > kMaxPackages) {
      ctx.Warn(line, "more than " + std::to_string(kMaxPackages) + " packages; rest skipped",
               kSource);
      break;
    }
    Component c{.name = id, .version = version, .ecosystem = "nuget"};
    c.purl = MakePurl("nuget", c.name, c.version);
    c.dev = IEquals(p.attribute("developmentDependency").value(), "true");
    if (std::string tfm = p.attribute("targetFramework").value(); !tfm.empty()) {
      c.properties["aisec:nuget-target-framework"] = tfm;
    }
    if (std::string allowed = p.attribute("allowedVersions").value(); !allowed.empty()) {
      c.version_spec = allowed;
    }
    c.evidence.push_back(
        Evidence{Location{ctx.path(), line, 0, 0}, doc.Snippet(p), EvidenceMethod::kManifest});
    ctx.sink().Relate(app_key, c.Key());
    ctx.sink().Add(std::move(c));
  }
}

}  // namespace aisec::catalog::nuget
