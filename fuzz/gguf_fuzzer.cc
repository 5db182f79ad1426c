// libFuzzer target: the GGUF header, metadata and tensor-info parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/gguf/gguf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  (void)aisec::formats::gguf::Parse(src);
  return 0;
}
