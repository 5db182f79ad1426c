#pragma once
// package.json (https://docs.npmjs.com/cli/configuring-npm/package-json), parsed once into a
// PackageManifest. The package.json cataloger reports it; the lock-file catalogers use it for what
// their formats leave out (the project's name and its direct dependencies).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/cataloger.h"
#include "core/result.h"

namespace aisec::catalog::npm {

enum class DepGroup : uint8_t { kProd, kDev, kOptional, kPeer };

struct DeclaredDep {
  std::string key;   // the name the manifest uses
  std::string spec;  // the value as written
  DepGroup group = DepGroup::kProd;
  uint32_t line = 0;
  std::string snippet;
};

struct PackageManifest {
  std::string name;     // empty when the manifest has none
  std::string version;
  uint32_t line = 1;    // of "name"
  std::vector<std::string> licenses;  // "license", or the legacy {type} object / "licenses" array
  std::vector<DeclaredDep> deps;
  std::vector<Error> problems;  // entries that were skipped, located
};

// Fails when the text is not a JSON object; entries of the wrong type only add problems.
Result<PackageManifest> ParsePackageJson(std::string_view text, const std::string& path);

// The package.json in the folder of the file being cataloged, read through the context's reader;
// nullopt when there is none or it does not parse (its own cataloger reports that).
std::optional<PackageManifest> SiblingManifest(Context& ctx);

// The application component standing for a project, the way every cataloger makes one
// (catalog/python/project.h): a named project has its npm purl; an unnamed one is named after
// its folder, which is `folder` (relative to the cataloged file's) when given, else the file's.
Component MakeProject(const Context& ctx, const std::string& name, const std::string& version,
                      Evidence evidence, const std::string& folder = {});

}  // namespace aisec::catalog::npm
