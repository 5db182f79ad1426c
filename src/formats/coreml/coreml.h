#pragma once
// Core ML models: .mlmodel files (coremltools mlmodel/format/Model.proto, read with our
// protobuf wire reader) — specification version, model type, description metadata, custom model
// class, custom layers, ML Program operation types — and .mlpackage folders, whose Manifest.json
// names the root model file. Nesting is bounded by the wire reader's depth limit (a deeper file
// is malformed); what was read before a malformed part is kept.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "formats/byte_source.h"
#include "formats/issue.h"

namespace aisec::formats::coreml {

struct Model {
  int64_t specification_version = 0;
  std::string type;  // "neuralNetwork", "mlProgram", "pipeline", "customModel", … ("" unknown)
  std::string short_description, version, author, license;
  std::map<std::string, std::string> user_defined;
  std::string custom_class;  // CustomModel.className when type is customModel
  // NeuralNetwork layers implemented by an application class (CustomLayerParams), in this model,
  // in the sub-networks of its branch and loop layers, and in the models of its pipelines; at most
  // kMaxCustomLayers.
  struct CustomLayer {
    std::string layer;       // NeuralNetworkLayer.name, after the names of enclosing branch/loop
                             // layers and the sub-network ("loop1/body/swish")
    std::string class_name;  // CustomLayerParams.className
  };
  std::vector<CustomLayer> custom_layers;
  // The operation types of ML Program functions (mlProgram, MIL), nested blocks and the programs
  // of pipelines included: each type once, in the order first seen; at most kMaxProgramOpTypes.
  struct ProgramOp {
    std::string type;      // Operation.type
    std::string name;      // the first such operation's "name" attribute ("" when it has none)
    std::string function;  // the function holding that operation
    uint64_t offset = 0;   // where that operation's type is in the file
    uint64_t count = 0;    // operations of this type
  };
  std::vector<ProgramOp> program_ops;
  uint64_t program_operations = 0;  // all operations read
  bool updatable = false;
  bool complete = false;
  Issues issues;  // fatal: "malformed", "empty"
};

inline constexpr size_t kMaxCustomLayers = 64;
inline constexpr size_t kMaxProgramOpTypes = 1024;

Model Parse(ByteSource& src);

struct Manifest {
  std::string file_format_version;
  std::string root_path;  // path of the root model inside the package
};
// Manifest.json of an .mlpackage; kParse when it is not the expected JSON.
Result<Manifest> ParseManifest(std::string_view json, const std::string& path);

}  // namespace aisec::formats::coreml
