#pragma once
// Model components of the pickle-family formats. The catalogers build them with
// model_file.h's ModelComponent; `aisec models`, which reads each file itself, with the
// path-named one below.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "catalog/cataloger.h"
#include "core/component.h"

namespace aisec::catalog::model {

// kind kModel, named by the file's path as given (two checkpoints called model.pt in different
// folders are different files), property aisec:format, evidence at the file by magic bytes. The
// SHA-256 hash is added by the caller when known.
Component ModelComponent(const std::string& rel_path, std::string_view format);

// Adds the SHA-256 digest (lower-case hex) as a component hash, unless it has one.
void SetModelDigest(Component& c, const std::string& sha256);

// What the pickle-family catalogers share: reads the first 4 KiB, asks formats::SniffModelFormat
// which format the file is, and when it is one of `formats` emits its component as every model
// cataloger does (model_file.h: digest, purl). Unreadable files become warnings.
void CatalogModelFile(Context& ctx, std::initializer_list<std::string_view> formats);

}  // namespace aisec::catalog::model
