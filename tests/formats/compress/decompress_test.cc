#include "formats/compress/decompress.h"

#include <bzlib.h>
#include <gtest/gtest.h>
#include <lz4frame.h>
#include <lzma.h>
#include <zlib.h>

#include <string>

namespace aisec::formats::compress {
namespace {

std::string Payload() {
  std::string s;
  for (int i = 0; i < 200000; ++i) s += static_cast<char>('a' + (i * 7919) % 23);
  return s;
}

std::string Zlib(const std::string& in, int bits) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, in.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = in.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Bzip2(const std::string& in) {
  unsigned len = in.size() + in.size() / 100 + 600;
  std::string out(len, '\0');
  BZ2_bzBuffToBuffCompress(out.data(), &len, const_cast<char*>(in.data()), in.size(), 9, 0, 0);
  out.resize(len);
  return out;
}

std::string Xz(const std::string& in) {
  std::string out(lzma_stream_buffer_bound(in.size()), '\0');
  size_t pos = 0;
  lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(in.data()),
                          in.size(), reinterpret_cast<uint8_t*>(out.data()), &pos, out.size());
  out.resize(pos);
  return out;
}

std::string Lz4(const std::string& in) {
  std::string out(LZ4F_compressFrameBound(in.size(), nullptr), '\0');
  out.resize(LZ4F_compressFrame(out.data(), out.size(), in.data(), in.size(), nullptr));
  return out;
}

std::string Inflate(Codec codec, const std::string& compressed, Status* status, Limits limits = {}) {
  auto s = Decompress(codec, source::OpenMemory(compressed), limits);
  std::string out;
  char buf[65536];
  for (size_t n; (n = s->Read(buf, sizeof buf)) > 0;) out.append(buf, n);
  *status = s->status();
  return out;
}

TEST(Decompress, RoundTripsEveryCodec) {
  std::string p = Payload();
  struct Case {
    Codec codec;
    std::string data;
  } cases[] = {{Codec::kDeflate, Zlib(p, -15)}, {Codec::kZlib, Zlib(p, 15)}, {Codec::kGzip, Zlib(p, 31)},
               {Codec::kBzip2, Bzip2(p)},       {Codec::kXz, Xz(p)},         {Codec::kLz4, Lz4(p)}};
  for (const auto& c : cases) {
    Status st;
    EXPECT_EQ(Inflate(c.codec, c.data, &st), p) << CodecName(c.codec);
    EXPECT_TRUE(st.ok()) << CodecName(c.codec) << ": " << st.message();
    if (c.codec != Codec::kDeflate) {
      EXPECT_EQ(SniffCodec(c.data), c.codec) << CodecName(c.codec);
    }
  }
}

TEST(Decompress, ConcatenatedMembersAreOneStream) {
  std::string p = Payload();
  Status st;
  EXPECT_EQ(Inflate(Codec::kGzip, Zlib(p, 31) + Zlib(p, 31), &st), p + p);
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(Inflate(Codec::kBzip2, Bzip2(p) + Bzip2(p), &st), p + p);
  EXPECT_EQ(Inflate(Codec::kXz, Xz(p) + Xz(p), &st), p + p);
  EXPECT_EQ(Inflate(Codec::kLz4, Lz4(p) + Lz4(p), &st), p + p);
}

TEST(Decompress, TruncatedAndCorruptDataFail) {
  std::string p = Payload();
  for (Codec c : {Codec::kGzip, Codec::kBzip2, Codec::kXz, Codec::kLz4}) {
    std::string data = c == Codec::kGzip ? Zlib(p, 31) : c == Codec::kBzip2 ? Bzip2(p) : c == Codec::kXz ? Xz(p) : Lz4(p);
    Status st;
    Inflate(c, data.substr(0, data.size() / 2), &st);
    EXPECT_EQ(st.code(), ErrorCode::kParse) << CodecName(c);
    std::string corrupt = data;
    for (size_t i = 20; i < corrupt.size(); i += 97) corrupt[i] ^= 0x5a;
    Inflate(c, corrupt, &st);
    EXPECT_FALSE(st.ok()) << CodecName(c);
  }
}

TEST(Decompress, BombsStopAtTheLimits) {
  std::string zeros(32u << 20, '\0');
  std::string bomb = Zlib(zeros, 15);
  Status st;
  std::string out = Inflate(Codec::kZlib, bomb, &st, {.max_output = 1u << 20});
  EXPECT_EQ(st.code(), ErrorCode::kLimit);
  EXPECT_LE(out.size(), (1u << 20) + (1u << 20));
  Inflate(Codec::kZlib, bomb, &st, {.max_ratio = 100, .ratio_grace = 1u << 20});
  EXPECT_EQ(st.code(), ErrorCode::kLimit);
  Inflate(Codec::kZlib, bomb, &st, {.declared_output = 1000});
  EXPECT_EQ(st.code(), ErrorCode::kParse);
}

TEST(Decompress, SniffsOnlyRealHeaders) {
  EXPECT_FALSE(SniffCodec("\x80\x02}").has_value());
  EXPECT_FALSE(SniffCodec("xyz").has_value());
  EXPECT_FALSE(SniffCodec("BZx").has_value());
}

}  // namespace
}  // namespace aisec::formats::compress
