#pragma once
// The legacy torch.save layout (PyTorch < 1.6, or _use_new_zipfile_serialization=False): five
// pickles in a row (magic number, protocol version, system info, the object, the storage keys),
// then the raw storages. torch.load unpickles the first one and compares it with the magic
// number, so a "magic number" that is not the literal one runs code before any check.
#include <cstdint>
#include <optional>
#include <string_view>

namespace aisec::formats::torch {

inline constexpr int kLegacyPickles = 5;

// Where the literal magic-number pickle that PyTorch writes ends, if `bytes` starts with one.
std::optional<size_t> LiteralMagicEnd(std::string_view bytes);
// True when `bytes` starts with the literal protocol-version pickle (1001).
bool IsLiteralVersion(std::string_view bytes);
// True when `head` starts a legacy file: the literal magic, or any first pickle followed by the
// literal protocol version (a computed magic number).
bool LooksLikeLegacy(std::string_view head);

}  // namespace aisec::formats::torch
