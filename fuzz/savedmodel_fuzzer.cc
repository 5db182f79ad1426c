// libFuzzer target: the SavedModel and keras_metadata.pb readers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/savedmodel/saved_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  (void)aisec::formats::savedmodel::ParseSavedModel(src);
  (void)aisec::formats::savedmodel::ParseKerasMetadata(src);
  return 0;
}
