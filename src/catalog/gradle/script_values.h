#pragma once
// What a Gradle build script's dependency notation can refer to: variables it assigns
// (`def x = '1.0'`, `val x = "1.0"`, `ext { x = '1.0' }`, `ext.x = ...`, `extra["x"] = ...`,
// `val x by extra("1.0")`), gradle.properties entries, and version-catalog versions
// (`libs.versions.x`). Nothing is evaluated: only string literals are ever bound.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/gradle/groovy_lexer.h"
#include "catalog/gradle/version_catalog.h"

namespace aisec::catalog::gradle {

class ScriptValues {
 public:
  // Collects the string bindings of a token stream. Tokens must outlive this object.
  explicit ScriptValues(const std::vector<Token>& tokens);

  void AddProperties(std::string_view properties_text);  // gradle.properties, nearest first
  void SetCatalog(const VersionCatalog* catalog) { catalog_ = catalog; }

  // A string token's value with $x and ${x} expanded. `complete` is cleared when a reference
  // could not be resolved (it is then kept as written).
  std::string Expand(const Token& str, bool* complete) const;
  // The value bound to a (dotted) name: "x", "ext.x", "rootProject.ext.x", "libs.versions.x".
  std::optional<std::string> Lookup(std::string_view path) const;

 private:
  std::string ExpandText(std::string_view text, int depth, bool& complete) const;
  std::optional<std::string> LookupAt(std::string_view path, int depth) const;
  void Bind(std::string_view name, const Token& value);

  std::map<std::string, const Token*, std::less<>> vars_;
  std::map<std::string, std::string, std::less<>> properties_;
  const VersionCatalog* catalog_ = nullptr;
};

}  // namespace aisec::catalog::gradle
