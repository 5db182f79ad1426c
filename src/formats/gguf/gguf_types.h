#pragma once
// The ggml tensor types and llama.cpp file types of data/model/gguf-types.yaml. Loaded once;
// read-only and thread-safe.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aisec::formats::gguf {

struct TensorType {
  std::string name;
  uint32_t block = 1;  // elements per block
  uint32_t bytes = 0;  // bytes per block
};

class Types {
 public:
  static Result<Types> Load(std::string_view yaml);
  // The shipped table; aborts with a clear message if the embedded data is broken (the data test
  // prevents that).
  static const Types& Default();

  const TensorType* Tensor(uint32_t id) const;
  // "Q4_K_M" for 15; empty when unknown.
  std::string FileType(uint64_t id) const;
  const std::map<uint32_t, TensorType>& tensor_types() const { return tensor_; }

 private:
  std::map<uint32_t, TensorType> tensor_;
  std::map<uint64_t, std::string> file_;
};

}  // namespace aisec::formats::gguf
