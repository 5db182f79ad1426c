#include "formats/git_lfs.h"

#include <charconv>

#include "core/strings.h"

namespace aisec::formats {

bool LooksLikeLfsPointer(std::string_view head) {
  return head.starts_with("version https://git-lfs.github.com/spec/");
}

std::optional<LfsPointer> ParseLfsPointer(std::string_view text) {
  if (!LooksLikeLfsPointer(text) || text.size() > 1024) return std::nullopt;
  LfsPointer p;
  bool have_size = false;
  for (std::string_view line : SplitLines(text)) {
    if (line.starts_with("oid sha256:")) {
      std::string_view hex = line.substr(11);
      if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
        return std::nullopt;
      }
      p.sha256 = std::string(hex);
    } else if (line.starts_with("size ")) {
      std::string_view n = line.substr(5);
      auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), p.size);
      have_size = ec == std::errc() && ptr == n.data() + n.size();
    }
  }
  if (p.sha256.empty() || !have_size) return std::nullopt;
  return p;
}

}  // namespace aisec::formats
