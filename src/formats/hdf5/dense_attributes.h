#pragma once
// Dense attribute storage of HDF5 (file format specification III.G and III.A.2, message 0x0015):
// when an object has many attributes, or large ones, they live in a fractal heap and a version 2
// B-tree indexes them by name. This finds the file ranges of those attribute messages: the
// B-tree's records (depth 0 or 1) hold heap IDs; managed objects are located in the heap's
// root direct block or in the direct blocks of its root indirect block, huge objects through
// the heap's own B-tree of huge objects. Every address and count is bounded.
#include <cstdint>
#include <string>
#include <vector>

#include "formats/byte_source.h"

namespace aisec::formats::hdf5 {

inline constexpr size_t kMaxDenseAttributes = 4096;

struct Layout {
  uint32_t offset_size = 8;
  uint32_t length_size = 8;
  uint64_t base = 0;  // addresses are relative to this
};

struct Range {
  uint64_t offset = 0;  // absolute, in the file
  uint64_t size = 0;
};

// Appends the ranges of the attribute messages of a fractal heap (`heap`) indexed by a name
// B-tree (`name_index`), both relative addresses. Returns "" when every attribute was found,
// else what could not be read (the ranges found so far are kept).
std::string DenseAttributeRanges(ByteSource& src, const Layout& layout, uint64_t heap,
                                 uint64_t name_index, std::vector<Range>* out);

}  // namespace aisec::formats::hdf5
