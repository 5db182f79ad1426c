#pragma once
// The only way stages read scanned files: applies size limits, refuses anything that is not a
// regular file (devices, FIFOs) and counts bytes. Thread-safe.
#include <atomic>
#include <cstdint>
#include <string>

#include "core/result.h"
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
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> bytes_read_{0};
};

}  // namespace aisec::source
