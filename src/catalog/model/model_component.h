#pragma once
// The inventory component of a model file, shared by the model-file catalogers and by
// `aisec models` (which builds the same component from its own reading of the file).
#include <string>
#include <string_view>

#include "core/component.h"

namespace aisec::catalog::model {

// kind kModel, named by the file's path relative to the scan root (two checkpoints called
// model.pt in different folders are different models), property aisec:format, evidence at the
// file by magic bytes. The SHA-256 hash is added by the caller when known.
Component ModelComponent(const std::string& rel_path, std::string_view format);

// Adds the SHA-256 digest (lower-case hex) as a component hash and property.
void SetModelDigest(Component& c, const std::string& sha256);

}  // namespace aisec::catalog::model
