#pragma once
// Gradle version catalogs (gradle/libs.versions.toml,
// https://docs.gradle.org/current/userguide/version_catalogs.html), parsed once into a struct
// shared by the catalog's own cataloger and by the build-script cataloger that resolves
// `libs.some.alias` references against it.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace aisec::catalog::gradle {

// A Gradle version as written, split into an exact version or a range/dynamic spec.
struct GradleVersion {
  std::string exact;  // "1.2.3" (also for the strict form "1.2.3!!")
  std::string spec;   // "[1.0,2.0)", "1.+", "latest.release", rich {require,...}, unresolved refs
};
GradleVersion SplitGradleVersion(std::string_view raw);

struct CatalogEntry {
  std::string alias;  // as written: "langchain4j-open-ai"
  std::string name;   // libraries: "group:artifact"; plugins: the plugin id
  GradleVersion version;
  uint32_t line = 0;
};

struct VersionCatalog {
  std::map<std::string, std::string> versions;              // [versions], by name as written
  std::map<std::string, CatalogEntry> libraries;            // by accessor ("foo.bar")
  std::map<std::string, std::vector<std::string>> bundles;  // accessor -> library accessors
  std::map<std::string, uint32_t> bundle_lines;
  std::map<std::string, CatalogEntry> plugins;  // by accessor
  std::vector<Error> problems;  // entries that could not be read; the rest is still usable
};

// The Maven coordinates a plugin id resolves through: its marker artifact
// "<id>:<id>.gradle.plugin".
std::string PluginMarker(std::string_view id);

// The accessor Gradle generates for an alias: '-', '_' and '.' all become '.'.
std::string CatalogAccessor(std::string_view alias);

// Errors: invalid TOML (located), nesting over the parse limit.
Result<VersionCatalog> ParseVersionCatalog(std::string_view text, const std::string& path);

}  // namespace aisec::catalog::gradle
