#include "formats/gguf/gguf_types.h"


#include <yaml-cpp/yaml.h>

#include "core/data.h"
#include "core/parse.h"

namespace aisec::formats::gguf {

Result<Types> Types::Load(std::string_view yaml) {
  auto doc = ParseYaml(yaml, "model/gguf-types.yaml");
  if (!doc.ok()) return doc.error();
  Types t;
  try {
    if (!(*doc)["version"]) return Status::Parse("gguf-types: no version");
    for (const auto& row : (*doc)["tensor_types"]) {
      uint32_t id = row["id"].as<uint32_t>();
      TensorType tt{row["name"].as<std::string>(), row["block"].as<uint32_t>(),
                    row["bytes"].as<uint32_t>()};
      if (tt.block == 0 || tt.bytes == 0) return Status::Parse("gguf-types: zero block or bytes");
      if (!t.tensor_.emplace(id, tt).second) {
        return Status::Parse("gguf-types: duplicate tensor type " + std::to_string(id));
      }
    }
    for (const auto& row : (*doc)["file_types"]) {
      if (!t.file_.emplace(row["id"].as<uint64_t>(), row["name"].as<std::string>()).second) {
        return Status::Parse("gguf-types: duplicate file type");
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("gguf-types: ") + e.what());
  }
  if (t.tensor_.empty() || t.file_.empty()) return Status::Parse("gguf-types: empty table");
  return t;
}

const Types& Types::Default() {
  static const Types types = LoadShippedData("model/gguf-types.yaml", Load);
  return types;
}

const TensorType* Types::Tensor(uint32_t id) const {
  auto it = tensor_.find(id);
  return it == tensor_.end() ? nullptr : &it->second;
}

std::string Types::FileType(uint64_t id) const {
  auto it = file_.find(id);
  return it == file_.end() ? std::string() : it->second;
}

}  // namespace aisec::formats::gguf
