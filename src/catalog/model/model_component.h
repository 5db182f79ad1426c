#pragma once
// The inventory component of a model file, shared by the model-file catalogers and by
// `aisec models` (which builds the same component from its own reading of the file).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "catalog/cataloger.h"
#include "core/component.h"

namespace aisec::catalog::model {

// kind kModel, named by the file's path relative to the scan root (two checkpoints called
// model.pt in different folders are different models), property aisec:format, evidence at the
// file by magic bytes. The SHA-256 hash is added by the caller when known.
Component ModelComponent(const std::string& rel_path, std::string_view format);

// Adds the SHA-256 digest (lower-case hex) as a component hash, unless it has one.
void SetModelDigest(Component& c, const std::string& sha256);

// Files larger than this are inventoried without a digest.
inline constexpr uint64_t kModelDigestLimit = 4ull << 30;

// What the model-file catalogers share: reads the first 4 KiB, asks formats::SniffModelFormat
// which format the file is, and when it is one of `formats` emits its component with the
// streamed SHA-256 digest. Unreadable files become warnings.
void CatalogModelFile(Context& ctx, std::initializer_list<std::string_view> formats);

}  // namespace aisec::catalog::model
