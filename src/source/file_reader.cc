#include "source/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

}  // namespace

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
