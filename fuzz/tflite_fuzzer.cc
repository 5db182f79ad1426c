// libFuzzer target: the TFLite FlatBuffers reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/tflite/tflite.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  (void)aisec::formats::tflite::Parse(src);
  return 0;
}
