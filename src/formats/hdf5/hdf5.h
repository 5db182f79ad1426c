#pragma once
// HDF5 (the format of Keras .h5 files), read just far enough to get the root group's attributes
// (Keras stores model_config, keras_version and backend there): the superblock (versions 0 to 3,
// after an optional user block), the root object header (version 1 or 2, with continuation
// blocks) and its attribute messages (versions 1 to 3) whose values are fixed-length or
// variable-length strings (the latter in a global heap collection). Every address is checked
// against the file size and every count and size is bounded. Attributes in dense storage
// (a fractal heap indexed by a B-tree, dense_attributes.h) are read too; the parts of that
// storage that are not (filtered heaps, deep trees) are reported.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::hdf5 {

inline constexpr size_t kMaxMessages = 4096;
inline constexpr size_t kMaxContinuations = 64;
inline constexpr uint64_t kMaxAttributeBytes = 64ull << 20;
inline constexpr uint64_t kMaxUserBlock = 1ull << 30;
inline constexpr uint64_t kMaxStringElements = 1 << 16;  // strings in one array attribute

struct Attribute {
  std::string name;
  std::string kind;    // "string" (fixed or variable length) or "other"
  std::string value;   // the string value; empty for "other"
  uint64_t offset = 0; // of the attribute message in the file
};

struct File {
  uint64_t superblock_offset = 0;
  uint32_t superblock_version = 0;
  uint32_t offset_size = 8, length_size = 8;
  uint64_t base = 0;          // addresses are relative to this
  uint64_t eof_address = 0;   // what the superblock says the file size is
  uint64_t root_header = 0;   // absolute offset of the root group's object header
  uint32_t root_header_version = 0;
  std::vector<Attribute> root_attributes;
  bool dense_attributes = false;  // some attributes live in a fractal heap
  bool complete = false;
  // Fatal: "bad-signature", "unsupported-superblock", "truncated", "address-out-of-bounds",
  // "bad-object-header", "too-many-messages", "continuation-loop". Others: "eof-mismatch",
  // "bad-attribute", "dense-attributes" (dense storage that could not all be read).
  Issues issues;

  const Attribute* Find(std::string_view name) const;
};

// The signature at offset 0 (user blocks are found by Parse, not by this).
bool LooksLikeHdf5(std::string_view head);

File Parse(ByteSource& src);

}  // namespace aisec::formats::hdf5
