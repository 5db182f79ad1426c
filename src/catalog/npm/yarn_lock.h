#pragma once
// yarn.lock is one file name for two formats: classic (yarn 1, its own line format, read in
// yarn_lock.cc) and berry (yarn 2 and later, YAML, read in yarn_berry.cc).
#include <string_view>

#include "catalog/cataloger.h"

namespace aisec::catalog::npm {

inline constexpr std::string_view kYarnSource = "npm/yarn-lock";

// Reads a berry lock file. REQUIRES: `text` is the file's content.
void ReadYarnBerry(Context& ctx, std::string_view text);

}  // namespace aisec::catalog::npm
