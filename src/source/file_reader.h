#pragma once
// The only way stages read scanned files: applies size limits, refuses anything that is not a
// regular file (devices, FIFOs) and counts bytes. Thread-safe.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "source/input_stream.h"
#include "source/source_file.h"

namespace aisec::source {

inline constexpr uint64_t kDefaultMaxTextFile = 64ull << 20;  // manifests, code, config

class FileReader {
 public:
  // Whole file, failing with kLimit when it is larger than `limit`.
  Result<std::string> ReadAll(const SourceFile& file, uint64_t limit = kDefaultMaxTextFile);
  // Up to `len` bytes from `offset` (short at end of file).
  Result<std::string> ReadRange(const SourceFile& file, uint64_t offset, uint64_t len);
  // Size of the file without reading it.
  Result<uint64_t> Size(const SourceFile& file);
  // The open file for positional reads (archives). The file stays open while the object lives.
  Result<std::unique_ptr<RandomAccess>> OpenRandomAccess(const SourceFile& file);
  // A sequential stream over the whole file with a buffer of `buffer_size` (clamped to
  // 1-16 MiB, and to the file size); skipping seeks without reading.
  Result<std::unique_ptr<InputStream>> Open(const SourceFile& file,
                                            size_t buffer_size = kDefaultStreamBuffer);
  // Lower-case hex SHA-256 of the file, streamed; "" when the file is larger than max_bytes.
  Result<std::string> Sha256(const SourceFile& file, uint64_t max_bytes);
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> bytes_read_{0};
};

}  // namespace aisec::source
