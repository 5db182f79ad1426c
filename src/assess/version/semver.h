#pragma once
// Semantic Versioning 2.0.0 (semver.org, section 11 precedence), the scheme of npm packages,
// OSV SEMVER ranges and, with small differences, Go modules, Cargo crates and NuGet packages.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/version/scheme.h"

namespace aisec::assess::version {

struct SemverVersion : ParsedVersion {
  std::vector<std::string> release;     // MAJOR.MINOR.PATCH (NuGet: up to 4), digit strings
  std::vector<std::string> prerelease;  // dot-separated identifiers
  std::string build;                    // ignored for precedence
};

struct SemverSyntax {
  bool loose = false;            // npm loose mode: leading "v"/"=", spaces, leading zeros
  size_t min_parts = 3;          // release parts required (Go "v1.2" and NuGet "1.0" have fewer)
  size_t max_parts = 3;
};

std::optional<SemverVersion> ParseSemverParts(std::string_view text, const SemverSyntax& syntax);
// Precedence per SemVer 2.0.0 §11; missing release parts count as 0. `fold_case` compares
// alphanumeric pre-release identifiers without regard to case (NuGet).
int CompareSemver(const SemverVersion& a, const SemverVersion& b, bool fold_case = false);

// npm: SemVer 2 with node-semver's loose spellings ("v1.2.3", "=1.2.3"); ranges in npm syntax.
const Scheme& Semver();

}  // namespace aisec::assess::version
