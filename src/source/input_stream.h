#pragma once
// Byte sources for parsers that must not hold a whole file in memory (pickles, archives,
// compressed members): a RandomAccess source (file, memory, or a slice of another source) and a
// buffered sequential InputStream over it. Memory is bounded by the buffer, never by the input.
//
// Thread-safety: a RandomAccess may be read from several threads at once (ReadAt is positional);
// an InputStream is used by one thread at a time.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aisec::source {

// Buffer sizes of sequential streams: big enough that a file is read in a few large requests,
// small enough that many streams can be open at once.
inline constexpr size_t kMinStreamBuffer = 1u << 20;
inline constexpr size_t kMaxStreamBuffer = 16u << 20;
inline constexpr size_t kDefaultStreamBuffer = 4u << 20;

class RandomAccess {
 public:
  virtual ~RandomAccess() = default;
  virtual uint64_t size() const = 0;
  // Reads up to n bytes at offset; fewer only at the end of the source.
  virtual Result<size_t> ReadAt(uint64_t offset, char* dst, size_t n) = 0;
  // Up to n bytes at offset, as a string (short at the end).
  Result<std::string> ReadString(uint64_t offset, size_t n);
};

// A source over bytes held in memory (owned).
class MemorySource final : public RandomAccess {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  uint64_t size() const override { return bytes_.size(); }
  Result<size_t> ReadAt(uint64_t offset, char* dst, size_t n) override;

 private:
  std::string bytes_;
};

// A window [offset, offset + length) of another source, which must outlive it.
class SliceSource final : public RandomAccess {
 public:
  SliceSource(RandomAccess& parent, uint64_t offset, uint64_t length);
  uint64_t size() const override { return length_; }
  Result<size_t> ReadAt(uint64_t offset, char* dst, size_t n) override;

 private:
  RandomAccess& parent_;
  uint64_t offset_;
  uint64_t length_;
};

// A buffered sequential reader. The fast path (Ensure/data/Advance, ReadByte) is inline; a
// subclass only refills the buffer from its source. Errors of the source (I/O, corrupt
// compressed data, a limit) end the stream and are kept in status().
class InputStream {
 public:
  explicit InputStream(size_t buffer_size);
  virtual ~InputStream();
  // Owns its buffer; not copyable.
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Copies up to n bytes; fewer only at the end of the stream or after an error.
  size_t Read(void* dst, size_t n);
  // Skips up to n bytes, seeking when the source can; returns how many were skipped.
  uint64_t Skip(uint64_t n);
  // Position of the next byte from the start of the stream.
  uint64_t Tell() const { return end_pos_ - static_cast<uint64_t>(end_ - pos_); }

  // Makes n bytes (n <= capacity()) available contiguously at data(); false when the stream
  // ends (or fails) first, in which case available() bytes remain.
  bool Ensure(size_t n) { return static_cast<size_t>(end_ - pos_) >= n || Refill(n); }
  const char* data() const { return pos_; }
  size_t available() const { return static_cast<size_t>(end_ - pos_); }
  // REQUIRES: n <= available().
  void Advance(size_t n) { pos_ += n; }
  // The next byte, or -1 at the end.
  int ReadByte() {
    if (pos_ == end_ && !Refill(1)) return -1;
    return static_cast<unsigned char>(*pos_++);
  }
  // True when no byte is left (may read ahead to find out).
  bool AtEnd() { return !Ensure(1); }
  size_t capacity() const { return cap_; }
  const Status& status() const { return status_; }

 protected:
  // Reads up to cap bytes of the source into dst; returns 0 at its end or after Fail().
  virtual size_t Fill(char* dst, size_t cap) = 0;
  // Skips n bytes of the source (past what is buffered); returns how many. The default reads
  // and drops them.
  virtual uint64_t SkipSource(uint64_t n);
  void Fail(Status s) {
    if (status_.ok()) status_ = std::move(s);
  }

 private:
  bool Refill(size_t n);

  std::unique_ptr<char[]> buf_;
  size_t cap_;
  char* pos_;
  char* end_;
  uint64_t end_pos_ = 0;  // stream position of end_
  size_t fill_hint_;      // how much the next refill reads (small right after a skip)
  Status status_;
  static constexpr size_t kSkipFill = 64u << 10;
};

// A stream over [offset, offset + length) of `source`, which must outlive the stream. Skips
// seek without reading. The buffer is clamped to the length (at least 4 KiB).
std::unique_ptr<InputStream> OpenRange(RandomAccess& source, uint64_t offset, uint64_t length,
                                       size_t buffer_size = kDefaultStreamBuffer);
// The same, owning its source.
std::unique_ptr<InputStream> OpenRange(std::unique_ptr<RandomAccess> source, uint64_t offset,
                                       uint64_t length, size_t buffer_size = kDefaultStreamBuffer);
// A stream over bytes held in memory (copied).
std::unique_ptr<InputStream> OpenMemory(std::string_view bytes);

}  // namespace aisec::source
