#include "source/file_digest.h"

#include "core/digest.h"

namespace aisec::source {

Result<std::string> Sha256File(FileReader& reader, const SourceFile& file) {
  auto size = reader.Size(file);
  if (!size.ok()) return size.error();
  Sha256 hash;
  for (uint64_t at = 0; at < *size; at += kDigestChunk) {
    auto chunk = reader.ReadRange(file, at, kDigestChunk);
    if (!chunk.ok()) return chunk.error();
    if (chunk->empty()) break;  // the file shrank while we read it
    hash.Update(chunk->data(), chunk->size());
  }
  return hash.Finish();
}

}  // namespace aisec::source
