#pragma once
// The parts of MSBuild project files that name NuGet packages, shared by the project-file and
// Directory.Packages.props catalogers: $(Property) expansion from <PropertyGroup>s, package items
// (PackageReference, PackageVersion, GlobalPackageReference) with their metadata given either as
// attributes or as child elements, and NuGet version strings. MSBuild names are case-insensitive.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/maven/xml.h"

namespace aisec::catalog::nuget {

// Properties defined in a project's <PropertyGroup>s, by lower-cased name. Later definitions win,
// as in MSBuild. Expansion is bounded (depth and size) and leaves unknown $(X) as written.
class MsBuildProperties {
 public:
  explicit MsBuildProperties(pugi::xml_node project);
  std::string Get(std::string_view name) const;
  // `complete` is cleared when a $(X) stays unresolved.
  std::string Expand(std::string_view text, bool* complete) const;

 private:
  std::map<std::string, std::string> values_;
};

struct PackageItem {
  std::string id;                // Include (or Update), as written
  bool update = false;           // an Update item: changes a reference made elsewhere
  std::string version;           // Version, expanded
  std::string version_override;  // VersionOverride, expanded
  std::string private_assets;
  bool complete = true;  // every $(X) in the versions was resolved
  pugi::xml_node node;
};

// Every element named `element` (PackageReference, PackageVersion, ...) under `root`.
std::vector<PackageItem> PackageItems(pugi::xml_node root, std::string_view element,
                                      const MsBuildProperties& props);

// A NuGet version or range: "1.2.3" and "[1.2.3]" are exact; "[1.0,2.0)", "1.*", "*" are not.
struct NuGetVersion {
  std::string exact;
  std::string spec;
};
NuGetVersion SplitNuGetVersion(std::string_view raw);

}  // namespace aisec::catalog::nuget
