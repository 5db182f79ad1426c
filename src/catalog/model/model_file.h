#pragma once
// What every model-file cataloger shares: the machine-learning-model component for the file it
// was given, with its format, evidence and (below a size limit) a streamed SHA-256.
#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/cataloger.h"
#include "core/component.h"

namespace aisec::catalog::model {

// Files larger than this are cataloged from their header only, without a digest, so that a
// 20 GB checkpoint costs a few reads.
inline constexpr uint64_t kDigestLimit = 4ull << 30;

struct ModelFileInfo {
  std::string name;         // general.name, folder name or file stem
  std::string_view format;  // "safetensors", "gguf", "onnx", …
  EvidenceMethod method = EvidenceMethod::kHeader;
  std::string snippet;      // what identified the file, e.g. "GGUF v3"
  uint64_t size = 0;        // file size
};

// A model component located in the context's file. When the file is below kDigestLimit, its
// SHA-256 is attached and the purl is pkg:generic/<name>?checksum=sha256:<hex>, so that copies of
// one file merge and different files with the same name stay apart.
Component ModelComponent(Context& ctx, const ModelFileInfo& info);

// When the file is a Git LFS pointer (a checkout without LFS), emits the model it stands for —
// named by the file stem, with the real file's SHA-256 and size from the pointer — and returns
// true; the caller then stops. Reads at most 1 KiB.
bool CatalogLfsPointer(Context& ctx, std::string_view format);

// "model.Q4_K_M.gguf" -> "model.Q4_K_M"
std::string FileStem(std::string_view basename);
// Name of the folder holding the file ("" at the scan root resolves to the root's own name).
std::string FolderName(const source::SourceFile& file);

// Sets `key` when value is not empty.
void SetProperty(Component& c, const std::string& key, std::string value);

}  // namespace aisec::catalog::model
