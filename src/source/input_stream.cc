#include "source/input_stream.h"

#include <algorithm>
#include <cstring>

namespace aisec::source {

Result<std::string> RandomAccess::ReadString(uint64_t offset, size_t n) {
  if (offset >= size()) return std::string();
  n = static_cast<size_t>(std::min<uint64_t>(n, size() - offset));
  std::string out(n, '\0');
  auto got = ReadAt(offset, out.data(), n);
  if (!got.ok()) return got.error();
  out.resize(*got);
  return out;
}

Result<size_t> MemorySource::ReadAt(uint64_t offset, char* dst, size_t n) {
  if (offset >= bytes_.size()) return size_t{0};
  n = static_cast<size_t>(std::min<uint64_t>(n, bytes_.size() - offset));
  std::memcpy(dst, bytes_.data() + offset, n);
  return n;
}

SliceSource::SliceSource(RandomAccess& parent, uint64_t offset, uint64_t length)
    : parent_(parent), offset_(offset), length_(length) {
  // A slice never reaches past its parent.
  uint64_t psize = parent.size();
  if (offset_ > psize) offset_ = psize;
  length_ = std::min(length_, psize - offset_);
}

Result<size_t> SliceSource::ReadAt(uint64_t offset, char* dst, size_t n) {
  if (offset >= length_) return size_t{0};
  n = static_cast<size_t>(std::min<uint64_t>(n, length_ - offset));
  return parent_.ReadAt(offset_ + offset, dst, n);
}

InputStream::InputStream(size_t buffer_size)
    : buf_(new char[std::max<size_t>(buffer_size, 64)]),
      cap_(std::max<size_t>(buffer_size, 64)),
      pos_(buf_.get()),
      end_(buf_.get()),
      fill_hint_(cap_) {}

InputStream::~InputStream() = default;

bool InputStream::Refill(size_t n) {
  if (n > cap_) return false;
  size_t have = available();
  if (pos_ != buf_.get()) {
    std::memmove(buf_.get(), pos_, have);
    pos_ = buf_.get();
    end_ = pos_ + have;
  }
  while (have < n) {
    // After a skip, read a little first: the next bytes are often a few opcodes before the
    // next skip, and reading a whole buffer there would read the data skipped next.
    size_t want = std::min(cap_ - have, std::max(n - have, fill_hint_));
    fill_hint_ = std::min(cap_, fill_hint_ * 2);
    size_t got = Fill(end_, want);
    if (got == 0) return false;
    end_ += got;
    end_pos_ += got;
    have += got;
  }
  return true;
}

size_t InputStream::Read(void* dst, size_t n) {
  char* out = static_cast<char*>(dst);
  size_t done = 0;
  while (done < n) {
    if (pos_ == end_ && n - done >= cap_) {
      // A large read goes straight from the source to the caller, without the extra copy.
      size_t got = Fill(out + done, n - done);
      if (got == 0) return done;
      end_pos_ += got;
      done += got;
      continue;
    }
    if (pos_ == end_ && !Refill(std::min(n - done, cap_))) {
      // Take whatever a short refill left.
      size_t take = std::min(available(), n - done);
      std::memcpy(out + done, pos_, take);
      pos_ += take;
      return done + take;
    }
    size_t take = std::min(available(), n - done);
    std::memcpy(out + done, pos_, take);
    pos_ += take;
    done += take;
  }
  return done;
}

uint64_t InputStream::Skip(uint64_t n) {
  size_t have = available();
  if (n <= have) {
    pos_ += n;
    return n;
  }
  pos_ = end_ = buf_.get();
  fill_hint_ = kSkipFill;
  uint64_t skipped = SkipSource(n - have);
  end_pos_ += skipped;
  return have + skipped;
}

uint64_t InputStream::SkipSource(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    size_t got = Fill(buf_.get(), static_cast<size_t>(std::min<uint64_t>(cap_, n - done)));
    if (got == 0) break;
    done += got;
  }
  return done;
}

namespace {

class RangeStream final : public InputStream {
 public:
  RangeStream(RandomAccess& source, std::unique_ptr<RandomAccess> owned, uint64_t offset,
              uint64_t length, size_t buffer_size)
      : InputStream(buffer_size), owned_(std::move(owned)), source_(source), pos_(offset),
        end_(offset + length) {}

 protected:
  size_t Fill(char* dst, size_t cap) override {
    if (pos_ >= end_) return 0;
    size_t want = static_cast<size_t>(std::min<uint64_t>(cap, end_ - pos_));
    auto got = source_.ReadAt(pos_, dst, want);
    if (!got.ok()) {
      Fail(got.status());
      pos_ = end_;
      return 0;
    }
    if (*got == 0) {
      pos_ = end_;  // the source is shorter than announced
      return 0;
    }
    pos_ += *got;
    return *got;
  }

  uint64_t SkipSource(uint64_t n) override {
    uint64_t step = std::min(n, end_ - pos_);
    pos_ += step;
    return step;
  }

 private:
  std::unique_ptr<RandomAccess> owned_;
  RandomAccess& source_;
  uint64_t pos_;
  uint64_t end_;
};

size_t ClampBuffer(size_t buffer_size, uint64_t length) {
  size_t b = std::clamp(buffer_size, kMinStreamBuffer, kMaxStreamBuffer);
  return static_cast<size_t>(std::max<uint64_t>(std::min<uint64_t>(b, length), 4096));
}

}  // namespace

std::unique_ptr<InputStream> OpenRange(RandomAccess& source, uint64_t offset, uint64_t length,
                                       size_t buffer_size) {
  uint64_t size = source.size();
  offset = std::min(offset, size);
  length = std::min(length, size - offset);
  return std::make_unique<RangeStream>(source, nullptr, offset, length,
                                       ClampBuffer(buffer_size, length));
}

std::unique_ptr<InputStream> OpenRange(std::unique_ptr<RandomAccess> source, uint64_t offset,
                                       uint64_t length, size_t buffer_size) {
  uint64_t size = source->size();
  offset = std::min(offset, size);
  length = std::min(length, size - offset);
  RandomAccess& ref = *source;
  return std::make_unique<RangeStream>(ref, std::move(source), offset, length,
                                       ClampBuffer(buffer_size, length));
}

std::unique_ptr<InputStream> OpenMemory(std::string_view bytes) {
  uint64_t n = bytes.size();
  return OpenRange(std::make_unique<MemorySource>(std::string(bytes)), 0, n);
}

}  // namespace aisec::source
