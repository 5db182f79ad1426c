#pragma once
// Random access to the bytes of one model file, and a bounded cursor over them. The header
// parsers under src/formats/ read through these so that (1) a multi-GB file is only read where its
// header says, by seeking, never by reading the tensor data, and (2) the same parser runs on an
// in-memory buffer in tests and fuzz targets.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "source/file_reader.h"
#include "source/source_file.h"

namespace aisec::formats {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual uint64_t size() const = 0;
  // Up to `len` bytes from `offset`; shorter only at the end of the data.
  virtual Result<std::string> Read(uint64_t offset, uint64_t len) = 0;
};

// A buffer owned by the caller, which must outlive the source.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  uint64_t size() const override { return data_.size(); }
  Result<std::string> Read(uint64_t offset, uint64_t len) override;

 private:
  std::string_view data_;
};

// A scanned file, read through the FileReader so that limits and byte counters apply.
// The reader and the file must outlive the source. Not thread-safe.
class FileSource final : public ByteSource {
 public:
  FileSource(source::FileReader& reader, const source::SourceFile& file, uint64_t size)
      : reader_(reader), file_(file), size_(size) {}
  static Result<FileSource> Open(source::FileReader& reader, const source::SourceFile& file);
  uint64_t size() const override { return size_; }
  Result<std::string> Read(uint64_t offset, uint64_t len) override;

 private:
  source::FileReader& reader_;
  const source::SourceFile& file_;
  uint64_t size_;
};

// Caches one aligned block of another source, for parsers that hop between nearby offsets
// (FlatBuffers tables, HDF5 headers). Reads larger than a block go straight through.
class CachedSource final : public ByteSource {
 public:
  explicit CachedSource(ByteSource& inner, uint64_t block = 64 << 10)
      : inner_(inner), block_(block) {}
  uint64_t size() const override { return inner_.size(); }
  Result<std::string> Read(uint64_t offset, uint64_t len) override;

 private:
  ByteSource& inner_;
  uint64_t block_;
  uint64_t at_ = ~uint64_t{0};
  std::string buf_;
};

// Sequential reads inside [begin, end) of a source, through a window that is refilled on demand,
// so that skipping a large blob costs nothing. The window starts small (a header is often a few
// KiB) and doubles on every refill up to kMaxWindow. The first failure is sticky: every later read
// fails too, and error()/error_offset() tell what and where. Integers are little-endian unless
// set_big_endian(true).
class Cursor {
 public:
  static constexpr uint64_t kDefaultWindow = 16 << 10;
  static constexpr uint64_t kMaxWindow = 4 << 20;

  Cursor(ByteSource& src, uint64_t begin, uint64_t end, uint64_t window = kDefaultWindow);
  Cursor(const Cursor&) = delete;  // shares the source and caches a window of it
  Cursor& operator=(const Cursor&) = delete;

  uint64_t pos() const { return pos_; }
  uint64_t end() const { return end_; }
  uint64_t remaining() const { return pos_ < end_ ? end_ - pos_ : 0; }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  uint64_t error_offset() const { return error_offset_; }
  void set_big_endian(bool v) { big_endian_ = v; }

  bool U8(uint8_t* v);
  bool U16(uint16_t* v);
  bool U32(uint32_t* v);
  bool U64(uint64_t* v);
  // Unsigned little-endian integer of 1 to 8 bytes (HDF5 "size of offsets/lengths").
  bool UN(unsigned width, uint64_t* v);
  // Exactly n bytes; the caller bounds n before asking.
  bool Bytes(uint64_t n, std::string* out);
  bool Skip(uint64_t n);
  // Moves to an absolute offset inside [begin, end].
  bool Seek(uint64_t pos);
  // Records a failure at the current position (parsers use it for semantic errors too).
  bool Fail(std::string message);
  // Narrows the readable end (protobuf sub-messages); returns the previous end.
  uint64_t PushLimit(uint64_t new_end);
  void PopLimit(uint64_t old_end) { end_ = old_end; }

 private:
  bool Fetch(uint64_t n, const char** p);

  ByteSource& src_;
  uint64_t begin_;
  uint64_t end_;
  uint64_t pos_;
  uint64_t window_;
  std::string buf_;
  uint64_t buf_at_ = 0;
  bool big_endian_ = false;
  std::string error_;
  uint64_t error_offset_ = 0;
};

}  // namespace aisec::formats
