#include "core/cache_dir.h"

#include <cstdlib>

namespace aisec {

std::filesystem::path UserCacheDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return std::filesystem::path(xdg) / "aisec";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::filesystem::path(home) / ".cache" / "aisec";
  return {};
}

}  // namespace aisec
