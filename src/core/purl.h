#pragma once
// Package URLs (https://github.com/package-url/purl-spec): building, parsing and the per-type
// name normalisation that makes two spellings of one package compare equal.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace aisec {

struct Purl {
  std::string type;       // "pypi", "npm", "golang", "cargo", "maven", "nuget", "gem", "composer"
  std::string ns;         // namespace: npm scope ("@types"), maven groupId, go module prefix
  std::string name;
  std::string version;
  std::vector<std::pair<std::string, std::string>> qualifiers;  // kept sorted by key
  std::string subpath;

  // Canonical string form, percent-encoded.
  std::string ToString() const;
  static Result<Purl> Parse(std::string_view text);
};

// Builds the canonical purl for a package; `name` may carry its namespace in the ecosystem's own
// notation ("@scope/pkg" for npm, "group:artifact" for maven, a module path for golang,
// "vendor/pkg" for composer).
std::string MakePurl(std::string_view type, std::string_view name, std::string_view version = {});

// The name a registry considers identical: PEP 503 for pypi, lower case for composer and nuget, etc.
std::string NormalizePackageName(std::string_view type, std::string_view name);

std::string PercentEncode(std::string_view s, bool keep_slash = false);
std::string PercentDecode(std::string_view s);

}  // namespace aisec
