#include "formats/pickle/sniff.h"

#include <algorithm>

#include "formats/pickle/analysis.h"
#include "formats/pickle/opcodes.h"

namespace aisec::formats::pickle {
namespace {

// Opcodes a protocol 0/1 pickler starts a stream with.
bool PlausibleFirst(uint8_t c) {
  switch (c) {
    case op::kMark: case op::kGlobal: case op::kEmptyList: case op::kEmptyDict:
    case op::kEmptyTuple: case op::kNone: case op::kInt: case op::kLong: case op::kString:
    case op::kUnicode: case op::kFloat: case op::kBinInt: case op::kBinInt1: case op::kBinInt2:
    case op::kBinUnicode: case op::kShortBinString: case op::kBinString: case op::kBinFloat:
    case op::kPersId:
      return true;
    default:
      return false;
  }
}

// `tolerant`: a later error is accepted once min_opcodes opcodes have parsed (joblib writes raw
// array bytes between opcodes; a PROTO header is already strong evidence).
bool ParsesCleanly(std::string_view head, uint64_t min_opcodes, bool tolerant) {
  auto in = source::OpenMemory(head);
  Options options;
  options.max_pickles = 1;
  options.max_line = 256;
  Analysis a = Analyze(*in, options);
  // Running out of head is fine; anything else the real unpickler would refuse too.
  bool clean = !a.error || (!a.limit_stop && a.error_message.starts_with("truncated"));
  if (tolerant && a.error && a.opcodes > min_opcodes) return true;
  return clean && (a.pickles == 1 || a.opcodes >= min_opcodes);
}

}  // namespace

bool LooksLikePickle(std::string_view head) {
  if (head.size() < 2) return false;
  auto first = static_cast<uint8_t>(head[0]);
  if (first == op::kProto) {
    auto proto = static_cast<uint8_t>(head[1]);
    if (proto < 2 || proto > kHighestProtocol) return false;
    return ParsesCleanly(head, std::min<uint64_t>(3, head.size() / 8 + 1), true);
  }
  if (!PlausibleFirst(first)) return false;
  return ParsesCleanly(head, 4, false);
}

}  // namespace aisec::formats::pickle
