// libFuzzer target: the Core ML .mlmodel reader and .mlpackage manifest parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/coreml/coreml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  (void)aisec::formats::coreml::Parse(src);
  (void)aisec::formats::coreml::ParseManifest(input, "Manifest.json");
  return 0;
}
