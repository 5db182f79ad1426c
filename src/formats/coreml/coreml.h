#pragma once
// Core ML models: .mlmodel files (coremltools mlmodel/format/Model.proto, read with our
// protobuf wire reader) — specification version, model type, description metadata, custom model
// class — and .mlpackage folders, whose Manifest.json names the root model file.
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
  // NeuralNetwork layers implemented by an application class (CustomLayerParams), in this model
  // and in the models of its pipelines; at most kMaxCustomLayers.
  struct CustomLayer {
    std::string layer;       // NeuralNetworkLayer.name
    std::string class_name;  // CustomLayerParams.className
  };
  std::vector<CustomLayer> custom_layers;
  bool updatable = false;
  bool complete = false;
  Issues issues;  // fatal: "malformed", "empty"
};

inline constexpr size_t kMaxCustomLayers = 64;

Model Parse(ByteSource& src);

struct Manifest {
  std::string file_format_version;
  std::string root_path;  // path of the root model inside the package
};
// Manifest.json of an .mlpackage; kParse when it is not the expected JSON.
Result<Manifest> ParseManifest(std::string_view json, const std::string& path);

}  // namespace aisec::formats::coreml
