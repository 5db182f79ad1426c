#pragma once
// GGUF (llama.cpp's model format, docs/gguf.md in ggml): "GGUF", a version (1, 2 or 3), the tensor
// and key/value counts, typed key/value metadata (integers, floats, bools, strings and arrays,
// arrays possibly nested), the tensor infos (name, dims, ggml type, offset), then the aligned
// tensor data. Version 1 used 32-bit counts and lengths; version 3 may be big-endian. Parsing
// reads the metadata and tensor infos through a window and never touches the tensor data.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::gguf {

inline constexpr uint64_t kMaxKeyBytes = 64 << 10;
inline constexpr uint64_t kMaxKept = 4 << 10;             // string values kept in full up to this
inline constexpr uint64_t kMaxTemplateBytes = 16 << 20;  // chat templates are kept up to this
inline constexpr uint64_t kMaxStringBytes = 256ull << 20;
inline constexpr uint64_t kMaxArrayCount = 1ull << 27;
inline constexpr int kMaxArrayDepth = 8;
inline constexpr uint64_t kMaxTensors = 1ull << 20;
inline constexpr uint32_t kMaxDims = 4;  // GGML_MAX_DIMS

enum class ValueType : uint32_t {
  kU8 = 0, kI8, kU16, kI16, kU32, kI32, kF32, kBool, kString, kArray, kU64, kI64, kF64,
};
std::string_view ValueTypeName(uint32_t type);

struct Kv {
  std::string key;
  uint32_t type = 0;
  uint64_t offset = 0;  // of the key in the file
  // Scalars and strings (strings longer than kMaxKept are cut, except chat templates);
  // monostate for arrays.
  std::variant<std::monostate, uint64_t, int64_t, double, bool, std::string> value;
  uint64_t string_size = 0;  // full length of a string value
  uint32_t array_type = 0;   // element type of an array
  uint64_t array_count = 0;
};

struct TensorInfo {
  std::string name;
  std::vector<uint64_t> dims;
  uint32_t type = 0;
  uint64_t offset = 0;       // relative to the data section
  uint64_t info_offset = 0;  // of the tensor info in the file
};

struct ChatTemplate {
  std::string key;     // "tokenizer.chat_template" or "tokenizer.chat_template.<name>"
  std::string text;
  uint64_t offset = 0; // of the string in the file
};

struct File {
  uint32_t version = 0;
  bool big_endian = false;
  uint64_t tensor_count = 0;
  uint64_t kv_count = 0;
  std::vector<Kv> kvs;
  std::vector<TensorInfo> tensors;
  uint64_t alignment = 32;
  uint64_t data_start = 0;
  uint64_t file_size = 0;
  bool complete = false;  // false when a fatal problem stopped parsing

  // Derived.
  std::string architecture, name, license, basename, quantization;
  uint64_t parameters = 0;
  bool parameters_overflow = false;
  std::vector<ChatTemplate> chat_templates;

  // Fatal: "truncated", "bad-magic", "unsupported-version", "absurd-count", "absurd-length",
  // "too-deep", "bad-value-type". Others: "version-1", "duplicate-key", "too-many-dims",
  // "unknown-tensor-type", "shape-overflow", "bad-shape", "tensor-out-of-bounds", "misaligned-tensor",
  // "overlapping-tensors", "bad-alignment", "duplicate-tensor", "template-truncated".
  Issues issues;

  const Kv* Find(std::string_view key) const;
};

bool LooksLikeGguf(std::string_view head);

// Reads the header, metadata and tensor infos and validates them against the file size.
File Parse(ByteSource& src);

}  // namespace aisec::formats::gguf
