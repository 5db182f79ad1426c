#include "formats/compress/decompress.h"

#include <bzlib.h>
#include <lz4frame.h>
#include <lzma.h>
#include <zlib.h>

#include <algorithm>
#include <string>

namespace aisec::formats::compress {
namespace {

enum class Step { kMore, kEnd, kError };

// Drives a codec over the compressed stream; subclasses only translate one call of their
// library.
class DecompressStream : public source::InputStream {
 public:
  DecompressStream(std::unique_ptr<source::InputStream> src, const Limits& limits, size_t buffer)
      : InputStream(buffer), src_(std::move(src)), limits_(limits) {}

 protected:
  // Decompresses in[0..in_len) into out[0..out_cap); `input_end`: no more input will come.
  virtual Step Run(const char* in, size_t in_len, bool input_end, size_t* used, char* out,
                   size_t out_cap, size_t* made) = 0;
  // After kEnd: true when another member starts at `next` and the codec was reset for it.
  virtual bool Restart(std::string_view next) { return false; }
  std::string error_;  // set by Run on kError

  size_t Fill(char* dst, size_t cap) override {
    size_t total = 0;
    while (!done_ && total == 0) {
      bool have = src_->Ensure(1);
      size_t used = 0, made = 0;
      Step s = Run(src_->data(), src_->available(), !have, &used, dst, cap, &made);
      src_->Advance(used);
      total += made;
      produced_ += made;
      if (s == Step::kError) return Stop(total, Status::Parse("corrupt compressed data: " + error_));
      if (s == Step::kEnd) {
        if (src_->Ensure(4) && Restart(std::string_view(src_->data(), src_->available()))) continue;
        done_ = true;
      } else if (!have && made == 0) {
        return Stop(total, Status::Parse("compressed data is truncated"));
      } else if (used == 0 && made == 0 && !src_->Ensure(src_->available() + 1)) {
        return Stop(total, Status::Parse("compressed data is truncated"));
      }
      if (Status st = CheckLimits(); !st.ok()) return Stop(total, st);
    }
    return total;
  }

 private:
  Status CheckLimits() const {
    if (produced_ > limits_.declared_output) {
      return Status::Parse("decompresses to more than the declared " + std::to_string(limits_.declared_output) + " bytes");
    }
    if (produced_ > limits_.max_output) {
      return Status::Limit("decompressed size exceeds the limit of " + std::to_string(limits_.max_output) + " bytes");
    }
    uint64_t consumed = std::max<uint64_t>(src_->Tell(), 1);
    if (limits_.max_ratio && produced_ > limits_.ratio_grace && produced_ / consumed > limits_.max_ratio) {
      return Status::Limit("compression ratio exceeds " + std::to_string(limits_.max_ratio) + ":1");
    }
    return Status::Ok();
  }

  size_t Stop(size_t total, Status st) {
    done_ = true;
    Fail(std::move(st));
    return total;
  }

  std::unique_ptr<source::InputStream> src_;
  Limits limits_;
  uint64_t produced_ = 0;
  bool done_ = false;
};

class ZlibStream final : public DecompressStream {
 public:
  ZlibStream(Codec codec, std::unique_ptr<source::InputStream> src, const Limits& limits, size_t buffer)
      : DecompressStream(std::move(src), limits, buffer), gzip_(codec == Codec::kGzip) {
    int bits = codec == Codec::kDeflate ? -MAX_WBITS : codec == Codec::kGzip ? MAX_WBITS + 16 : MAX_WBITS;
    ok_ = inflateInit2(&z_, bits) == Z_OK;
  }
  ~ZlibStream() override { inflateEnd(&z_); }

 protected:
  Step Run(const char* in, size_t in_len, bool, size_t* used, char* out, size_t out_cap,
           size_t* made) override {
    if (!ok_) return Fail("cannot initialise zlib");
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z_.avail_in = static_cast<uInt>(std::min<size_t>(in_len, UINT32_MAX));
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(out_cap, UINT32_MAX));
    int rc = inflate(&z_, Z_NO_FLUSH);
    *used = std::min<size_t>(in_len, UINT32_MAX) - z_.avail_in;
    *made = std::min<size_t>(out_cap, UINT32_MAX) - z_.avail_out;
    if (rc == Z_STREAM_END) return Step::kEnd;
    if (rc == Z_OK || rc == Z_BUF_ERROR) return Step::kMore;
    return Fail(z_.msg ? z_.msg : "inflate failed");
  }
  bool Restart(std::string_view next) override {
    if (!gzip_ || next.size() < 2 || next[0] != '\x1f' || next[1] != '\x8b') return false;
    return inflateReset(&z_) == Z_OK;
  }

 private:
  Step Fail(const char* why) {
    error_ = why;
    return Step::kError;
  }
  z_stream z_{};
  bool ok_ = false;
  bool gzip_;
};

class Bzip2Stream final : public DecompressStream {
 public:
  Bzip2Stream(std::unique_ptr<source::InputStream> src, const Limits& limits, size_t buffer)
      : DecompressStream(std::move(src), limits, buffer) {
    ok_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
  }
  ~Bzip2Stream() override { BZ2_bzDecompressEnd(&bz_); }

 protected:
  Step Run(const char* in, size_t in_len, bool, size_t* used, char* out, size_t out_cap,
           size_t* made) override {
    unsigned in_n = static_cast<unsigned>(std::min<size_t>(in_len, UINT32_MAX));
    unsigned out_n = static_cast<unsigned>(std::min<size_t>(out_cap, UINT32_MAX));
    bz_.next_in = const_cast<char*>(in);
    bz_.avail_in = in_n;
    bz_.next_out = out;
    bz_.avail_out = out_n;
    int rc = ok_ ? BZ2_bzDecompress(&bz_) : BZ_CONFIG_ERROR;
    *used = in_n - bz_.avail_in;
    *made = out_n - bz_.avail_out;
    if (rc == BZ_STREAM_END) return Step::kEnd;
    if (rc == BZ_OK) return Step::kMore;
    error_ = "bzip2 error " + std::to_string(rc);
    return Step::kError;
  }
  bool Restart(std::string_view next) override {
    if (!next.starts_with("BZh")) return false;
    BZ2_bzDecompressEnd(&bz_);
    bz_ = bz_stream{};
    ok_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK;
    return ok_;
  }

 private:
  bz_stream bz_{};
  bool ok_ = false;
};

class XzStream final : public DecompressStream {
 public:
  XzStream(std::unique_ptr<source::InputStream> src, const Limits& limits, size_t buffer)
      : DecompressStream(std::move(src), limits, buffer) {
    ok_ = lzma_auto_decoder(&xz_, kMemLimit, LZMA_CONCATENATED) == LZMA_OK;
  }
  ~XzStream() override { lzma_end(&xz_); }

 protected:
  Step Run(const char* in, size_t in_len, bool input_end, size_t* used, char* out,
           size_t out_cap, size_t* made) override {
    xz_.next_in = reinterpret_cast<const uint8_t*>(in);
    xz_.avail_in = in_len;
    xz_.next_out = reinterpret_cast<uint8_t*>(out);
    xz_.avail_out = out_cap;
    lzma_ret rc = ok_ ? lzma_code(&xz_, input_end ? LZMA_FINISH : LZMA_RUN) : LZMA_PROG_ERROR;
    *used = in_len - xz_.avail_in;
    *made = out_cap - xz_.avail_out;
    if (rc == LZMA_STREAM_END) return Step::kEnd;
    if (rc == LZMA_OK || rc == LZMA_BUF_ERROR) return input_end && *made == 0 ? Error(rc) : Step::kMore;
    return Error(rc);
  }

 private:
  static constexpr uint64_t kMemLimit = 1ull << 30;
  Step Error(lzma_ret rc) {
    error_ = rc == LZMA_MEMLIMIT_ERROR ? "xz dictionary over the memory limit"
                                       : "xz error " + std::to_string(static_cast<int>(rc));
    return Step::kError;
  }
  lzma_stream xz_ = LZMA_STREAM_INIT;
  bool ok_ = false;
};

class Lz4Stream final : public DecompressStream {
 public:
  Lz4Stream(std::unique_ptr<source::InputStream> src, const Limits& limits, size_t buffer)
      : DecompressStream(std::move(src), limits, buffer) {
    ok_ = !LZ4F_isError(LZ4F_createDecompressionContext(&ctx_, LZ4F_VERSION));
  }
  ~Lz4Stream() override { LZ4F_freeDecompressionContext(ctx_); }

 protected:
  Step Run(const char* in, size_t in_len, bool, size_t* used, char* out, size_t out_cap,
           size_t* made) override {
    if (!ok_) {
      error_ = "cannot initialise lz4";
      return Step::kError;
    }
    size_t out_n = out_cap, in_n = in_len;
    size_t hint = LZ4F_decompress(ctx_, out, &out_n, in, &in_n, nullptr);
    *used = in_n;
    *made = out_n;
    if (LZ4F_isError(hint)) {
      error_ = LZ4F_getErrorName(hint);
      return Step::kError;
    }
    return hint == 0 ? Step::kEnd : Step::kMore;
  }
  bool Restart(std::string_view next) override { return next.starts_with("\x04\x22\x4d\x18"); }

 private:
  LZ4F_dctx* ctx_ = nullptr;
  bool ok_ = false;
};

}  // namespace

std::optional<Codec> SniffCodec(std::string_view head) {
  if (head.starts_with("\x1f\x8b")) return Codec::kGzip;
  if (head.starts_with("BZh") && head.size() > 3 && head[3] >= '1' && head[3] <= '9') return Codec::kBzip2;
  if (head.starts_with(std::string_view("\xfd" "7zXZ\x00", 6))) return Codec::kXz;
  if (head.starts_with(std::string_view("\x5d\x00\x00", 3))) return Codec::kXz;  // lzma-alone
  if (head.starts_with("\x04\x22\x4d\x18")) return Codec::kLz4;
  // zlib: CMF 0x78 (deflate, 32 KiB window) and a header checksum that is a multiple of 31.
  if (head.size() >= 2 && static_cast<uint8_t>(head[0]) == 0x78 &&
      ((static_cast<uint8_t>(head[0]) << 8) | static_cast<uint8_t>(head[1])) % 31 == 0) {
    return Codec::kZlib;
  }
  return std::nullopt;
}

std::string_view CodecName(Codec codec) {
  switch (codec) {
    case Codec::kDeflate: return "deflate";
    case Codec::kZlib: return "zlib";
    case Codec::kGzip: return "gzip";
    case Codec::kBzip2: return "bzip2";
    case Codec::kXz: return "xz";
    case Codec::kLz4: return "lz4";
  }
  return "?";
}

std::unique_ptr<source::InputStream> Decompress(Codec codec,
                                                std::unique_ptr<source::InputStream> compressed,
                                                const Limits& limits, size_t buffer_size) {
  switch (codec) {
    case Codec::kBzip2: return std::make_unique<Bzip2Stream>(std::move(compressed), limits, buffer_size);
    case Codec::kXz: return std::make_unique<XzStream>(std::move(compressed), limits, buffer_size);
    case Codec::kLz4: return std::make_unique<Lz4Stream>(std::move(compressed), limits, buffer_size);
    default: return std::make_unique<ZlibStream>(codec, std::move(compressed), limits, buffer_size);
  }
}

}  // namespace aisec::formats::compress
