#pragma once
// How manifest catalogers read text: their own file, with the warnings every one of them gives
// when it cannot, and the companion files a build format defines by place rather than by reference:
// gradle/libs.versions.toml and gradle.properties for a Gradle build, Directory.Packages.props
// for an MSBuild project. Candidates are the file's own folder and each parent up to the scan
// root, nothing else: the tree is not walked, links are not followed, and reading goes through
// the FileReader so its limits apply.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/cataloger.h"

namespace aisec::catalog {

// The cataloged file's text. When it cannot be read, warns on `source` and returns nullopt. With
// `check_utf8`, also warns once, at the first line that is not UTF-8, and returns the text anyway.
std::optional<std::string_view> ManifestText(Context& ctx, std::string_view source,
                                             bool check_utf8);

struct NearbyFile {
  source::SourceFile file;
  std::string text;
};

// `name` is relative to each candidate folder ("gradle/libs.versions.toml"). Nearest first; with
// `first_only`, at most one. A candidate that exists but cannot be read becomes a warning on
// `source`.
std::vector<NearbyFile> ReadUpwards(Context& ctx, std::string_view name, bool first_only,
                                    std::string_view source);

// `name` in the file's own folder only (composer.json beside composer.lock).
std::optional<NearbyFile> ReadSibling(Context& ctx, std::string_view name, std::string_view source);

}  // namespace aisec::catalog
