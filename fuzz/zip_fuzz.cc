// libFuzzer target for our ZIP reader (formats/zip) and the decompressors behind it: any byte
// string must open (or fail) and every member must read and verify within the limits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/zip/zip_reader.h"
#include "source/input_stream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  aisec::source::MemorySource source(std::string(reinterpret_cast<const char*>(data), size));
  aisec::formats::zip::Limits limits;
  limits.max_entries = 256;
  limits.max_member_output = 8u << 20;
  auto archive = aisec::formats::zip::Archive::Open(source, limits);
  if (!archive.ok()) return 0;
  for (const auto& entry : archive->entries()) {
    auto stream = archive->OpenEntry(entry, 1u << 16);
    if (!stream.ok()) continue;
    char buf[4096];
    (*stream)->Read(buf, sizeof buf);
    archive->Verify(entry, **stream);
  }
  return 0;
}
