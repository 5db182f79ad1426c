#pragma once
// safetensors (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length N,
// N bytes of JSON mapping tensor names to {dtype, shape, data_offsets} plus an optional
// "__metadata__" object of strings, then the data section. Offsets are relative to the data
// section (8 + N). Parsing reads the header only; the tensor data is never touched.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::safetensors {

inline constexpr uint64_t kMaxHeaderBytes = 100ull << 20;  // the reference loader's limit
inline constexpr size_t kMaxTensors = 1'000'000;
inline constexpr size_t kMaxRank = 32;

struct Tensor {
  std::string name;
  std::string dtype;
  std::vector<uint64_t> shape;
  uint64_t begin = 0;  // data_offsets, relative to the data section
  uint64_t end = 0;
};

struct Header {
  uint64_t header_size = 0;  // N
  uint64_t data_start = 0;   // 8 + N
  uint64_t file_size = 0;
  std::vector<Tensor> tensors;                  // sorted by name
  std::map<std::string, std::string> metadata;  // "__metadata__"
  std::map<std::string, uint64_t> dtypes;       // dtype -> tensor count
  uint64_t parameters = 0;                      // sum of element counts
  bool parameters_overflow = false;             // the sum did not fit in 64 bits
  bool complete = false;                        // false when a fatal problem stopped parsing
  // Fatal problems: "truncated", "header-length" (past the end of the file), "oversized-header"
  // (over kMaxHeaderBytes), "invalid-json", "not-an-object", "too-many-tensors".
  // Structural problems: "duplicate-key", "non-string-metadata", "bad-tensor-entry",
  // "unknown-dtype", "offsets-outside-data", "overlapping-offsets", "gap-in-data",
  // "size-mismatch", "shape-overflow".
  Issues issues;
};

// True when the first bytes look like a safetensors file: a plausible header length followed by
// '{'. Needs at least 9 bytes.
bool LooksLikeSafetensors(std::string_view head);

// Reads and checks the header; every problem, fatal or not, is recorded in Header::issues with
// its byte offset.
Header Parse(ByteSource& src);

// Bits per element of a dtype ("F16" -> 16), 0 when unknown.
unsigned DtypeBits(std::string_view dtype);

}  // namespace aisec::formats::safetensors
