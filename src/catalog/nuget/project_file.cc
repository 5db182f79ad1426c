// MSBuild project files (*.csproj, *.fsproj, *.vbproj, Directory.Build.props): PackageReference
// items, with Version / VersionOverride as attributes or child elements and $(Property) values.
// Under central package management
// (https://learn.microsoft.com/nuget/consume-packages/central-package-management) a reference
// without a version takes it from the nearest Directory.Packages.props in the project's folder
// or a parent folder up to the scan root.
#include <filesystem>
#include <map>

#include "catalog/gradle/manifest_files.h"
#include "catalog/nuget/msbuild.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::nuget {
namespace {

constexpr std::string_view kSource = "nuget/project";
constexpr size_t kMaxReferences = 20000;

struct CentralVersions {
  std::string path;
  std::map<std::string, std::string> versions;  // lower-cased id -> version
};

std::optional<CentralVersions> ReadCentralVersions(Context& ctx) {
  for (const NearbyFile& f : ReadUpwards(ctx, "Directory.Packages.props", true, kSource)) {
    // The props file reports its own problems through its cataloger.
    auto doc = LoadXml(f.text, f.file.rel_path);
    if (!doc.ok()) return std::nullopt;
    MsBuildProperties props((*doc)->root());
    if (IEquals(props.Get("ManagePackageVersionsCentrally"), "false")) return std::nullopt;
    CentralVersions central{.path = f.file.rel_path};
    for (const PackageItem& item : PackageItems((*doc)->root(), "PackageVersion", props)) {
      if (!item.id.empty()) central.versions[ToLower(item.id)] = item.version;
    }
    return central;
  }
  return std::nullopt;
}

Component ProjectComponent(Context& ctx, const XmlDocument& doc, const MsBuildProperties& props) {
  Component c{.kind = ComponentKind::kApplication, .ecosystem = "nuget"};
  for (std::string_view p : {"AssemblyName", "PackageId"}) {
    if (c.name.empty()) c.name = props.Get(p);
  }
  if (c.name.empty() || Contains(c.name, "$(")) {
    c.name = std::filesystem::path(std::string(ctx.file().Basename())).stem().string();
  }
  c.version = SplitNuGetVersion(props.Get("Version")).exact;
  if (Contains(c.version, "$(")) c.version.clear();
  // PackageLicenseExpression is an SPDX expression; PackageLicenseFile names a file in the package.
  if (std::string lic(Trim(props.Get("PackageLicenseExpression"))); !lic.empty() && !Contains(lic, "$(")) {
    c.licenses.push_back(Snippet(lic, 200));
  } else if (!props.Get("PackageLicenseFile").empty()) {
    c.licenses.push_back("LicenseRef-see-license-file");
  }
  c.evidence.push_back(Evidence{Location{ctx.path(), doc.Line(doc.root()), 0, 0},
                                doc.Snippet(doc.root()), EvidenceMethod::kManifest});
  return c;
}

}  // namespace

void ProjectFile(Context& ctx) {
  auto loaded = LoadManifestXml(ctx, kSource);
  if (!loaded) return;
  const XmlDocument& doc = *loaded;
  MsBuildProperties props(doc.root());
  // Directory.Build.props is shared by the projects below it, not a project of its own.
  std::string app_key;
  if (!ctx.file().Basename().ends_with(".props")) {
    Component app = ProjectComponent(ctx, doc, props);
    app_key = app.Key();
    ctx.sink().Add(std::move(app));
  }
  bool test_project = IEquals(props.Get("IsTestProject"), "true");
  std::optional<CentralVersions> central;
  bool central_read = false;
  size_t count = 0;
  for (const PackageItem& item : PackageItems(doc.root(), "PackageReference", props)) {
    uint32_t line = doc.Line(item.node);
    if (item.update) continue;
    if (item.id.empty()) {
      ctx.Warn(line, "PackageReference without Include", kSource);
      continue;
    }
    if (++count > kMaxReferences) {
      ctx.Warn(line,
               "more than " + std::to_string(kMaxReferences) + " package references; rest skipped",
               kSource);
      break;
    }
    Component c{.name = item.id, .ecosystem = "nuget"};
    std::string version = !item.version_override.empty() ? item.version_override : item.version;
    bool exact_ok = item.complete;
    if (version.empty()) {
      if (!central_read) central = ReadCentralVersions(ctx);
      central_read = true;
      if (central) {
        if (auto it = central->versions.find(ToLower(item.id)); it != central->versions.end()) {
          version = it->second;
          c.properties["aisec:version-from"] = central->path;
        }
      }
    }
    NuGetVersion v = SplitNuGetVersion(version);
    c.version = exact_ok ? v.exact : "";
    c.version_spec = exact_ok ? v.spec : version;
    c.purl = MakePurl("nuget", c.name, c.version);
    if (!item.private_assets.empty()) c.properties["aisec:private-assets"] = item.private_assets;
    c.dev = test_project || IEquals(item.private_assets, "all");
    c.evidence.push_back(Evidence{Location{ctx.path(), line, 0, 0}, doc.Snippet(item.node),
                                  EvidenceMethod::kManifest});
    if (!app_key.empty()) ctx.sink().Relate(app_key, c.Key());
    ctx.sink().Add(std::move(c));
  }
}

}  // namespace aisec::catalog::nuget
