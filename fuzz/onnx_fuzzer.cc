// libFuzzer target: the ONNX ModelProto reader (and the protobuf wire reader under it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/onnx/onnx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  (void)aisec::formats::onnx::Parse(src);
  return 0;
}
