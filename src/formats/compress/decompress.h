#pragma once
// Streaming decompression (deflate, zlib, gzip, bzip2, xz/lzma, LZ4 frames) as an InputStream,
// bounded by an absolute output size and a compression ratio, so that a decompression bomb costs
// a bounded amount of time and memory. Corrupt input ends the stream with a kParse status; a
// limit ends it with a kLimit status.
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "source/input_stream.h"

namespace aisec::formats::compress {

enum class Codec : uint8_t { kDeflate, kZlib, kGzip, kBzip2, kXz, kLz4 };

struct Limits {
  uint64_t max_output = 16ull << 30;     // bytes produced, in all
  uint64_t max_ratio = 1000;             // output / input, checked once past ratio_grace
  uint64_t ratio_grace = 64ull << 20;    // output below this is never a bomb
  // Exact size the container declares (zip); producing more is corrupt data. UINT64_MAX: none.
  uint64_t declared_output = UINT64_MAX;
};

// The codec a stream starts with (gzip, bzip2, xz, lzma-alone, LZ4 frame, zlib), if any.
std::optional<Codec> SniffCodec(std::string_view head);
std::string_view CodecName(Codec codec);

// Decompresses `compressed` (consumed to its end; concatenated gzip/bzip2/xz/LZ4 members are
// read as one stream, as Python's modules do).
std::unique_ptr<source::InputStream> Decompress(Codec codec,
                                                std::unique_ptr<source::InputStream> compressed,
                                                const Limits& limits = {},
                                                size_t buffer_size = 1u << 20);

}  // namespace aisec::formats::compress
