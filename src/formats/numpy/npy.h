#pragma once
// The .npy header (numpy/lib/format.py): magic, version, header length, and a Python dict
// literal with 'descr', 'fortran_order' and 'shape'. Object arrays are stored as a pickle right
// after the header.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace aisec::formats::numpy {

inline constexpr size_t kMaxHeader = 1u << 16;

struct NpyHeader {
  int major = 0;
  int minor = 0;
  uint64_t data_offset = 0;   // where the array data (or the pickle) starts
  std::string descr;          // as written ("<f4", or the structured list as text)
  bool fortran_order = false;
  std::vector<uint64_t> shape;
  bool has_object = false;    // 'O' anywhere in the dtype: the data is a pickle
  uint64_t item_size = 0;     // 0 when unknown
  // Bytes of data the header announces, when computable.
  std::optional<uint64_t> DataBytes() const;
};

// Parses the header at the start of `head`, which must hold it whole.
Result<NpyHeader> ParseNpyHeader(std::string_view head);

}  // namespace aisec::formats::numpy
