#pragma once
// TensorFlow Lite models (tensorflow/lite/schema/schema.fbs): a FlatBuffer with file identifier
// "TFL3". Read by following offsets with bounds checks, never by reading the weight buffers:
// schema version, description, operator codes (builtin and custom), subgraph and operator
// counts, and metadata names.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::tflite {

inline constexpr uint32_t kMaxVector = 1u << 24;
inline constexpr uint32_t kCustomOperator = 32;  // BuiltinOperator.CUSTOM

struct Model {
  uint32_t version = 0;
  std::string description;
  std::vector<int32_t> builtin_ops;       // distinct builtin operator codes
  std::vector<std::string> custom_ops;    // custom_code of CUSTOM operator codes
  uint32_t subgraphs = 0;
  uint64_t operators = 0;                 // across subgraphs
  std::vector<std::string> metadata;      // metadata entry names
  bool complete = false;
  Issues issues;  // fatal: "bad-identifier", "malformed"
};

// "TFL3" at offset 4.
bool LooksLikeTflite(std::string_view head);
Model Parse(ByteSource& src);

}  // namespace aisec::formats::tflite
