#pragma once
// TensorFlow SavedModel (tensorflow/core/protobuf/saved_model.proto, meta_graph.proto,
// graph.proto, function.proto): the op names used by every MetaGraphDef — graph nodes, the
// function library's node_defs and the stripped op list — with tags, TensorFlow version and
// signature names; and keras_metadata.pb (SavedMetadata), whose per-layer metadata is the Keras
// layer config as JSON. Read with our protobuf wire reader; constant tensors are skipped.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::savedmodel {

inline constexpr uint64_t kMaxKept = 4 << 10;
inline constexpr uint64_t kMaxMetadataBytes = 16 << 20;
inline constexpr size_t kMaxOpNames = 100'000;

struct MetaGraph {
  std::vector<std::string> tags;
  std::string tensorflow_version;
  std::vector<std::string> signatures;
};

struct SavedModel {
  int64_t schema_version = 0;
  std::vector<MetaGraph> meta_graphs;
  std::map<std::string, uint64_t> ops;       // op name -> nodes using it (all graphs, functions)
  std::map<std::string, uint64_t> op_offset; // op name -> offset of its first use
  uint64_t nodes = 0;
  uint64_t functions = 0;
  std::set<std::string> function_names;     // FunctionDef signatures: node ops that call them
  bool complete = false;
  Issues issues;  // fatal: "malformed", "empty"
};

struct KerasLayer {
  std::string identifier;  // "_tf_keras_layer", "_tf_keras_model", …
  std::string node_path;
  std::string metadata;    // JSON text
  uint64_t offset = 0;
};

struct KerasMetadata {
  std::vector<KerasLayer> layers;
  bool complete = false;
  Issues issues;  // fatal: "malformed"
};

SavedModel ParseSavedModel(ByteSource& src);
KerasMetadata ParseKerasMetadata(ByteSource& src);

}  // namespace aisec::formats::savedmodel
