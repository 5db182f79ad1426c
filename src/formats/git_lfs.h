#pragma once
// Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): what a
// repository checked out without LFS holds in place of a model file. The pointer names the real
// file's SHA-256 and size, which is worth cataloging, and it must not be mistaken for a broken
// model.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aisec::formats {

struct LfsPointer {
  std::string sha256;  // lower-case hex
  uint64_t size = 0;
};

bool LooksLikeLfsPointer(std::string_view head);
// Parses a whole pointer file (at most a few hundred bytes); nullopt when it is not one.
std::optional<LfsPointer> ParseLfsPointer(std::string_view text);

}  // namespace aisec::formats
