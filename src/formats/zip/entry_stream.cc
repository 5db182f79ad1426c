// Reading members: stored bytes in place, deflate and bzip2 through the bounded decompressors,
// with the CRC-32 computed on everything that passes, so that a mismatch is reported while the
// bytes are still scanned.
#include <zlib.h>

#include <cstdio>

#include "formats/compress/decompress.h"
#include "formats/zip/zip_reader.h"

namespace aisec::formats::zip {
namespace {

class EntryStream final : public source::InputStream {
 public:
  EntryStream(std::unique_ptr<source::InputStream> inner, size_t buffer)
      : InputStream(buffer), inner_(std::move(inner)) {}
  uint32_t crc() const { return static_cast<uint32_t>(crc_); }
  uint64_t produced() const { return produced_; }

 protected:
  size_t Fill(char* dst, size_t cap) override {
    size_t n = inner_->Read(dst, cap);
    if (n == 0 && !inner_->status().ok()) Fail(inner_->status());
    crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(dst), n);
    produced_ += n;
    return n;
  }

 private:
  std::unique_ptr<source::InputStream> inner_;
  uLong crc_ = crc32_z(0, nullptr, 0);
  uint64_t produced_ = 0;
};

}  // namespace

Result<std::unique_ptr<source::InputStream>> Archive::OpenEntry(const Entry& e,
                                                                size_t buffer_size) const {
  if (!e.readable) return Status::Parse("member '" + e.name + "' cannot be read");
  if (e.encrypted()) return Status(Error{ErrorCode::kUnsupported, "member '" + e.name + "' is encrypted", {}});
  auto raw = source::OpenRange(*source_, e.data_offset, e.compressed_size, buffer_size);
  std::unique_ptr<source::InputStream> inner;
  compress::Limits limits{.max_output = limits_.max_member_output, .max_ratio = limits_.max_ratio};
  // A data descriptor member may have zero sizes in the central directory of broken writers;
  // trust the declared size otherwise (more output than declared is corruption).
  if (!e.has_descriptor() || e.uncompressed_size != 0) limits.declared_output = e.uncompressed_size;
  if (e.method == 0) {
    inner = std::move(raw);
  } else if (e.method == 8 || e.method == 12) {
    inner = compress::Decompress(e.method == 8 ? compress::Codec::kDeflate : compress::Codec::kBzip2,
                                 std::move(raw), limits, buffer_size);
  } else {
    return Status(Error{ErrorCode::kUnsupported, "member '" + e.name + "' uses compression method " + std::to_string(e.method), {}});
  }
  return std::unique_ptr<source::InputStream>(std::make_unique<EntryStream>(std::move(inner), buffer_size));
}

bool Archive::Verify(const Entry& e, source::InputStream& stream) {
  auto* entry = dynamic_cast<EntryStream*>(&stream);
  if (entry == nullptr) return true;
  stream.Skip(UINT64_MAX);
  const Status& st = stream.status();
  if (!st.ok()) {
    AddIssue(st.code() == ErrorCode::kLimit ? IssueKind::kBomb : IssueKind::kMalformed, e.name,
             st.message(), e.data_offset);
    return false;
  }
  if (entry->produced() != e.uncompressed_size) {
    AddIssue(IssueKind::kMalformed, e.name, "holds " + std::to_string(entry->produced()) +
                 " bytes where the directory declares " + std::to_string(e.uncompressed_size), e.data_offset);
    return false;
  }
  if (entry->crc() != e.crc) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "CRC-32 is %08x where the directory declares %08x", entry->crc(), e.crc);
    AddIssue(IssueKind::kBadCrc, e.name, buf, e.data_offset);
    return false;
  }
  return true;
}

}  // namespace aisec::formats::zip
