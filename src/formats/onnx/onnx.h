#pragma once
// ONNX models (onnx/onnx.proto, ModelProto), read with our own protobuf wire reader: IR version,
// opset imports, producer, metadata, the operator types and domains of every graph (subgraphs of
// If/Loop/Scan, training graphs and local functions included), initializers and where their
// external data lives. Tensor bytes (raw_data, *_data) are skipped by seeking, never read.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::onnx {

inline constexpr uint64_t kMaxKept = 4 << 10;  // strings kept up to this many bytes
inline constexpr int kMaxGraphDepth = 16;      // subgraphs inside attributes
inline constexpr size_t kMaxOpTypes = 10'000;  // distinct (domain, op) pairs kept

struct OpsetImport {
  std::string domain;
  int64_t version = 0;
};

// One initializer (or attribute tensor) whose data lives in another file.
struct ExternalData {
  std::string tensor;
  std::string location;     // as written, may be hostile
  std::string offset;       // as written; empty when absent
  std::string length;
  bool has_location = false;
  uint64_t file_offset = 0; // of the TensorProto in the model file
};

struct Model {
  int64_t ir_version = 0;
  std::vector<OpsetImport> opsets;
  std::string producer_name, producer_version, domain, doc_string, graph_name;
  int64_t model_version = 0;
  std::map<std::string, std::string> metadata_props;
  // domain -> op_type -> number of nodes; "" is the default ONNX domain.
  std::map<std::string, std::map<std::string, uint64_t>> ops;
  std::set<std::string> function_domains;  // domains of functions defined in the model
  uint64_t nodes = 0;
  uint64_t initializers = 0;
  uint64_t parameters = 0;  // elements of all initializers
  bool parameters_overflow = false;
  std::vector<ExternalData> external_data;
  bool complete = false;
  // Fatal: "malformed" (wire-format error, offset where it was found), "too-deep", "empty"
  // (nothing of a model in it).
  Issues issues;
};

// A cheap plausibility check on the first bytes: ONNX files start with field 1 (ir_version).
bool LooksLikeOnnx(std::string_view head);

Model Parse(ByteSource& src);

}  // namespace aisec::formats::onnx
