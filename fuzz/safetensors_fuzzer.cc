// libFuzzer target: the safetensors header parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/safetensors/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  auto header = aisec::formats::safetensors::Parse(src);
  // A complete header never describes bytes outside the file without saying so.
  if (header.complete && header.issues.empty()) {
    for (const auto& t : header.tensors) {
      if (t.end > header.file_size - header.data_start) __builtin_trap();
    }
  }
  return 0;
}
