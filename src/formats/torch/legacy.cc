#include "formats/torch/legacy.h"

#include "formats/pickle/analysis.h"
#include "formats/pickle/opcodes.h"

namespace aisec::formats::torch {
namespace {

namespace op = pickle::op;

// 0x1950a86a20f9469cfc6c, as LONG1 writes it (little-endian) and as protocol 0 writes it.
constexpr std::string_view kMagicLong1("\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 12);
constexpr std::string_view kMagicText = "L119547037146038801333356L\n";

// Skips PROTO n and FRAME len, the prologue of any pickle.
size_t SkipPrologue(std::string_view b) {
  size_t at = 0;
  if (b.size() >= 2 && static_cast<uint8_t>(b[0]) == op::kProto) at = 2;
  if (b.size() >= at + 9 && static_cast<uint8_t>(b[at]) == op::kFrame) at += 9;
  return at;
}

}  // namespace

std::optional<size_t> LiteralMagicEnd(std::string_view bytes) {
  size_t at = SkipPrologue(bytes);
  for (std::string_view magic : {kMagicLong1, kMagicText}) {
    if (bytes.substr(at).starts_with(magic) && bytes.size() > at + magic.size() &&
        bytes[at + magic.size()] == '.') {
      return at + magic.size() + 1;
    }
  }
  return std::nullopt;
}

bool IsLiteralVersion(std::string_view bytes) {
  size_t at = SkipPrologue(bytes);
  std::string_view rest = bytes.substr(at);
  return rest.starts_with(std::string_view("M\xe9\x03.", 4)) || rest.starts_with("I1001\n.") ||
         rest.starts_with(std::string_view("J\xe9\x03\x00\x00.", 6));
}

bool LooksLikeLegacy(std::string_view head) {
  if (auto end = LiteralMagicEnd(head)) return IsLiteralVersion(head.substr(*end));
  auto in = source::OpenMemory(head);
  pickle::Options options;
  options.max_pickles = 1;
  pickle::Analysis a = pickle::Analyze(*in, options);
  return a.pickles == 1 && IsLiteralVersion(head.substr(a.end_offset));
}

}  // namespace aisec::formats::torch
