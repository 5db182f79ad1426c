#include "source/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/digest.h"

namespace aisec::source {
namespace {

// Owns a file descriptor opened read-only on a regular file.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Error IoError(const SourceFile& file, const char* what) {
  return Error{ErrorCode::kIo, std::string(what) + ": " + std::strerror(errno),
               Location{file.rel_path}};
}

// O_NONBLOCK so that a FIFO that slipped past the walk cannot block us; fstat then refuses it.
Result<uint64_t> OpenRegular(const SourceFile& file, int* out_fd) {
  int fd = ::open(file.abs_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return IoError(file, "cannot open");
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return IoError(file, "cannot stat");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error{ErrorCode::kUnsupported, "not a regular file", Location{file.rel_path}};
  }
  *out_fd = fd;
  return static_cast<uint64_t>(st.st_size);
}

Result<std::string> ReadAt(const Fd& fd, const SourceFile& file, uint64_t offset, uint64_t len) {
  std::string out;
  out.resize(len);
  uint64_t done = 0;
  while (done < len) {
    ssize_t n = ::pread(fd.get(), out.data() + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(file, "cannot read");
    }
    if (n == 0) break;
    done += static_cast<uint64_t>(n);
  }
  out.resize(done);
  return out;
}

// An open regular file read with pread, counting what it reads into the reader's total.
class FileSource final : public RandomAccess {
 public:
  FileSource(SourceFile file, int fd, uint64_t size, std::atomic<uint64_t>& counter)
      : file_(std::move(file)), fd_(fd), size_(size), counter_(counter) {}
  uint64_t size() const override { return size_; }
  Result<size_t> ReadAt(uint64_t offset, char* dst, size_t n) override {
    size_t done = 0;
    while (done < n && offset + done < size_) {
      ssize_t got = ::pread(fd_.get(), dst + done, n - done, static_cast<off_t>(offset + done));
      if (got < 0) {
        if (errno == EINTR) continue;
        return IoError(file_, "cannot read");
      }
      if (got == 0) break;
      done += static_cast<size_t>(got);
    }
    counter_.fetch_add(done, std::memory_order_relaxed);
    return done;
  }

 private:
  SourceFile file_;
  Fd fd_;
  uint64_t size_;
  std::atomic<uint64_t>& counter_;
};

}  // namespace

Result<std::unique_ptr<RandomAccess>> FileReader::OpenRandomAccess(const SourceFile& file) {
  int raw = -1;
  auto size = OpenRegular(file, &raw);
  if (!size.ok()) return size.error();
  return std::unique_ptr<RandomAccess>(std::make_unique<FileSource>(file, raw, *size, bytes_read_));
}

Result<std::unique_ptr<InputStream>> FileReader::Open(const SourceFile& file, size_t buffer_size) {
  auto source = OpenRandomAccess(file);
  if (!source.ok()) return source.error();
  uint64_t size = (*source)->size();
  return OpenRange(std::move(*source), 0, size, buffer_size);
}

Result<std::string> FileReader::Sha256(const SourceFile& file, uint64_t max_bytes) {
  auto source = OpenRandomAccess(file);
  if (!source.ok()) return source.error();
  RandomAccess& src = **source;
  if (src.size() > max_bytes) return std::string();
  constexpr size_t kChunk = 4u << 20;
  std::unique_ptr<char[]> buf(new char[kChunk]);
  aisec::Sha256 digest;
  for (uint64_t off = 0; off < src.size();) {
    auto got = src.ReadAt(off, buf.get(), kChunk);
    if (!got.ok()) return got.error();
    if (*got == 0) break;
    digest.Update(buf.get(), *got);
    off += *got;
  }
  return digest.Finish();
}

Result<uint64_t> FileReader::Size(const SourceFile& file) {
  int raw = -1;
  auto size = OpenRegular(file, &raw);
  Fd fd(raw);
  return size;
}

Result<std::string> FileReader::ReadAll(const SourceFile& file, uint64_t limit) {
  int raw = -1;
  auto size = OpenRegular(file, &raw);
  if (!size.ok()) return size.error();
  Fd fd(raw);
  if (*size > limit) {
    return Error{ErrorCode::kLimit,
                 "file is " + std::to_string(*size) + " bytes, over the limit of " +
                     std::to_string(limit),
                 Location{file.rel_path}};
  }
  auto data = ReadAt(fd, file, 0, *size);
  if (data.ok()) bytes_read_.fetch_add(data->size(), std::memory_order_relaxed);
  return data;
}

Result<std::string> FileReader::ReadRange(const SourceFile& file, uint64_t offset, uint64_t len) {
  int raw = -1;
  auto size = OpenRegular(file, &raw);
  if (!size.ok()) return size.error();
  Fd fd(raw);
  if (offset >= *size) return std::string();
  len = std::min(len, *size - offset);
  auto data = ReadAt(fd, file, offset, len);
  if (data.ok()) bytes_read_.fetch_add(data->size(), std::memory_order_relaxed);
  return data;
}

}  // namespace aisec::source
