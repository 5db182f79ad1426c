#include "formats/byte_source.h"

#include <algorithm>
#include <cstring>

namespace aisec::formats {

Result<std::string> MemorySource::Read(uint64_t offset, uint64_t len) {
  if (offset >= data_.size()) return std::string();
  return std::string(data_.substr(offset, std::min<uint64_t>(len, data_.size() - offset)));
}

Result<FileSource> FileSource::Open(source::FileReader& reader, const source::SourceFile& file) {
  auto size = reader.Size(file);
  if (!size.ok()) return size.error();
  return FileSource(reader, file, *size);
}

Result<std::string> FileSource::Read(uint64_t offset, uint64_t len) {
  if (offset >= size_) return std::string();
  return reader_.ReadRange(file_, offset, std::min(len, size_ - offset));
}

Result<std::string> CachedSource::Read(uint64_t offset, uint64_t len) {
  uint64_t start = offset - offset % block_;
  if (offset >= size() || len > block_ || offset + len > start + block_) {
    return inner_.Read(offset, len);
  }
  if (at_ != start) {
    auto block = inner_.Read(start, block_);
    if (!block.ok()) return block.error();
    buf_ = std::move(*block);
    at_ = start;
  }
  uint64_t rel = offset - start;
  if (rel >= buf_.size()) return std::string();
  return buf_.substr(rel, std::min(len, buf_.size() - rel));
}

Cursor::Cursor(ByteSource& src, uint64_t begin, uint64_t end, uint64_t window)
    : src_(src),
      begin_(begin),
      end_(std::min(end, src.size())),
      pos_(begin),
      window_(std::max<uint64_t>(window, 64)) {}

bool Cursor::Fail(std::string message) {
  if (error_.empty()) {
    error_ = std::move(message);
    error_offset_ = pos_;
  }
  return false;
}

// Makes n bytes at pos_ available in buf_, reading a new window when they are not cached.
bool Cursor::Fetch(uint64_t n, const char** p) {
  if (!ok()) return false;
  if (n > remaining()) return Fail("truncated: needs " + std::to_string(n) + " bytes, " +
                                   std::to_string(remaining()) + " left");
  if (pos_ < buf_at_ || pos_ + n > buf_at_ + buf_.size()) {
    auto data = src_.Read(pos_, std::max(n, std::min(window_, end_ - pos_)));
    if (!data.ok()) return Fail(data.error().message);
    buf_ = std::move(*data);
    buf_at_ = pos_;
    window_ = std::min(window_ * 2, std::max(window_, kMaxWindow));
    if (buf_.size() < n) return Fail("short read");
  }
  *p = buf_.data() + (pos_ - buf_at_);
  pos_ += n;
  return true;
}

bool Cursor::UN(unsigned width, uint64_t* v) {
  const char* p;
  if (width == 0 || width > 8) return Fail("bad integer width " + std::to_string(width));
  if (!Fetch(width, &p)) return false;
  uint64_t out = 0;
  for (unsigned i = 0; i < width; ++i) {
    unsigned shift = big_endian_ ? 8 * (width - 1 - i) : 8 * i;
    out |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << shift;
  }
  *v = out;
  return true;
}

bool Cursor::U8(uint8_t* v) {
  uint64_t x;
  if (!UN(1, &x)) return false;
  *v = static_cast<uint8_t>(x);
  return true;
}
bool Cursor::U16(uint16_t* v) {
  uint64_t x;
  if (!UN(2, &x)) return false;
  *v = static_cast<uint16_t>(x);
  return true;
}
bool Cursor::U32(uint32_t* v) {
  uint64_t x;
  if (!UN(4, &x)) return false;
  *v = static_cast<uint32_t>(x);
  return true;
}
bool Cursor::U64(uint64_t* v) { return UN(8, v); }

bool Cursor::Bytes(uint64_t n, std::string* out) {
  if (!ok()) return false;
  if (n > remaining()) return Fetch(n, nullptr);  // records the truncation
  if (pos_ >= buf_at_ && pos_ + n <= buf_at_ + buf_.size()) {
    out->assign(buf_.data() + (pos_ - buf_at_), n);
    pos_ += n;
    return true;
  }
  // Not cached: read exactly these bytes rather than a window that may run into tensor data.
  auto data = src_.Read(pos_, n);
  if (!data.ok()) return Fail(data.error().message);
  if (data->size() < n) return Fail("short read");
  *out = std::move(*data);
  pos_ += n;
  return true;
}

bool Cursor::Skip(uint64_t n) {
  if (!ok()) return false;
  if (n > remaining()) return Fetch(n, nullptr);
  pos_ += n;
  return true;
}

bool Cursor::Seek(uint64_t pos) {
  if (!ok()) return false;
  if (pos < begin_ || pos > end_) {
    return Fail("offset " + std::to_string(pos) + " outside [" + std::to_string(begin_) + ", " +
                std::to_string(end_) + "]");
  }
  pos_ = pos;
  return true;
}

uint64_t Cursor::PushLimit(uint64_t new_end) {
  uint64_t old = end_;
  end_ = std::min(new_end, old);
  return old;
}

}  // namespace aisec::formats
