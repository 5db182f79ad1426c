// Directory.Packages.props, the central package management file: PackageVersion items fix the
// version of packages that projects below reference (reported as declared; the project files
// report the references), and GlobalPackageReference items are references every project gets,
// always as private (development) assets.
#include "catalog/nuget/msbuild.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"

namespace aisec::catalog::nuget {
namespace {

constexpr std::string_view kSource = "nuget/central-packages";
constexpr size_t kMaxItems = 20000;

}  // namespace

void DirectoryPackagesProps(Context& ctx) {
  auto loaded = LoadManifestXml(ctx, kSource);
  if (!loaded) return;
  const XmlDocument& doc = *loaded;
  MsBuildProperties props(doc.root());
  size_t count = 0;
  for (std::string_view element : {"PackageVersion", "GlobalPackageReference"}) {
    bool global = element == "GlobalPackageReference";
    for (const PackageItem& item : PackageItems(doc.root(), element, props)) {
      uint32_t line = doc.Line(item.node);
      if (item.id.empty()) {
        ctx.Warn(line, std::string(element) + " without Include", kSource);
        continue;
      }
      if (++count > kMaxItems) {
        ctx.Warn(line, "more than " + std::to_string(kMaxItems) + " items; rest skipped", kSource);
        return;
      }
      NuGetVersion v = SplitNuGetVersion(item.version);
      Component c{.name = item.id,
                  .version = item.complete ? v.exact : "",
                  .version_spec = item.complete ? v.spec : item.version,
                  .ecosystem = "nuget",
                  .scope = global ? Scope::kDirect : Scope::kDeclared,
                  .dev = global};
      c.purl = MakePurl("nuget", c.name, c.version);
      if (global) c.properties["aisec:nuget-global-reference"] = "true";
      c.evidence.push_back(Evidence{Location{ctx.path(), line, 0, 0}, doc.Snippet(item.node),
                                    EvidenceMethod::kManifest});
      ctx.sink().Add(std::move(c));
    }
  }
}

}  // namespace aisec::catalog::nuget
