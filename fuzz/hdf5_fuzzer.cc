// libFuzzer target: the HDF5 superblock, object header and attribute reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/hdf5/hdf5.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  aisec::formats::MemorySource src(input);
  (void)aisec::formats::hdf5::Parse(src);
  return 0;
}
