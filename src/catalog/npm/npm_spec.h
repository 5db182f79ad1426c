#pragma once
// What npm-family manifests and lock files write about one dependency: the spec of a package.json
// entry (https://docs.npmjs.com/cli/configuring-npm/package-json#dependencies, plus the yarn and
// pnpm protocols) and Subresource Integrity strings as npm's `ssri` writes them.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/component.h"

namespace aisec::catalog::npm {

inline constexpr std::string_view kEcosystem = "npm";

// A dependency spec split the way a Component records it. Properties it may set:
// aisec:alias (the local name of an "npm:" alias), aisec:source (workspace, link, file, git, url,
// tag), aisec:url (git and tarball locations), aisec:path (file: and link: targets) and aisec:spec
// (workspace and tag specs as written).
struct Spec {
  std::string name;          // the package that is installed
  std::string version;       // when the spec pins one exact version
  std::string version_spec;  // a semver range, when not exact
  std::map<std::string, std::string> properties;
};

// `key` is the dependency's name in the manifest; `spec` its value.
Spec ParseSpec(std::string_view key, std::string_view spec);

// Properties for where a lock file says a package came from, when that is not a registry:
// git (aisec:url), file: and link: folders (aisec:path).
void AddResolvedSource(std::string_view resolved, std::map<std::string, std::string>& properties);

// True for one exact semver version ("1.2.3", "=1.2.3", "v1.0.0-rc.1+b5").
bool IsExactVersion(std::string_view v);
// The version without a leading '=' or 'v'. REQUIRES: IsExactVersion(v).
std::string_view BareVersion(std::string_view v);

// Splits "name@range" at the '@' that ends the name (a scope's leading '@' is part of the name).
// `range` is empty when there is no '@'.
void SplitNameAt(std::string_view text, std::string_view& name, std::string_view& range);

// Hashes of an SSRI string ("sha512-<base64> sha1-<base64>"), hex encoded. Unknown algorithms
// and undecodable digests are skipped.
std::vector<Hash> IntegrityHashes(std::string_view ssri);

// Standard base64 (padding optional) to lower-case hex; empty when `b64` is not base64.
std::string Base64ToHex(std::string_view b64);

// A library component for an npm package; the purl carries the version only when it is exact.
Component MakeNpmComponent(std::string_view name, std::string_view version,
                           std::string_view version_spec, Evidence evidence, Scope scope);

// A package from a workspace or a local folder (aisec:source workspace, link or file) is not the
// registry package of that name: it loses its purl, so that it is neither merged with the
// workspace's own project nor matched against the registry package's advisories.
void DropPurlWhenLocal(Component& c);

}  // namespace aisec::catalog::npm
