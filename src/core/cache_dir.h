#pragma once
// aisec's per-user cache folder: $XDG_CACHE_HOME/aisec, else $HOME/.cache/aisec. Empty when
// neither variable is set. The folder is not created here.
#include <filesystem>

namespace aisec {

std::filesystem::path UserCacheDir();

}  // namespace aisec
