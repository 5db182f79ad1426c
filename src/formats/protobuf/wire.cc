#include "formats/protobuf/wire.h"

namespace aisec::formats::protobuf {

bool Reader::ReadVarint(uint64_t* v) {
  uint64_t out = 0;
  for (int i = 0; i < 10; ++i) {
    uint8_t b;
    if (!cur_.U8(&b)) return false;
    if (i == 9 && b > 1) return cur_.Fail("varint overflows 64 bits");
    out |= static_cast<uint64_t>(b & 0x7F) << (7 * i);
    if ((b & 0x80) == 0) {
      *v = out;
      return true;
    }
  }
  return cur_.Fail("varint longer than ten bytes");
}

bool Reader::Next(Field* f) {
  if (!cur_.ok() || cur_.remaining() == 0) return false;
  uint64_t tag;
  if (!ReadVarint(&tag)) return false;
  f->number = static_cast<uint32_t>(tag >> 3);
  if ((tag >> 3) == 0 || (tag >> 3) > 0x1FFFFFFF) return cur_.Fail("invalid field number");
  f->type = static_cast<WireType>(tag & 7);
  switch (f->type) {
    case WireType::kVarint:
      if (!ReadVarint(&f->value)) return false;
      break;
    case WireType::kFixed64:
      if (!cur_.U64(&f->value)) return false;
      break;
    case WireType::kFixed32: {
      uint32_t v;
      if (!cur_.U32(&v)) return false;
      f->value = v;
      break;
    }
    case WireType::kLen:
      if (!ReadVarint(&f->value)) return false;
      if (f->value > cur_.remaining()) {
        return cur_.Fail("field " + std::to_string(f->number) + " length " +
                         std::to_string(f->value) + " runs past its message");
      }
      break;
    default:
      return cur_.Fail("unsupported wire type " + std::to_string(tag & 7));
  }
  f->offset = cur_.pos();
  return true;
}

bool Reader::Skip(const Field& f) {
  if (f.type != WireType::kLen) return true;  // scalars were consumed by Next
  return cur_.Seek(f.offset + f.value);
}

bool Reader::String(const Field& f, uint64_t keep, std::string* out) {
  if (f.type != WireType::kLen) return true;
  uint64_t n = std::min(f.value, keep);
  if (!cur_.Seek(f.offset) || !cur_.Bytes(n, out)) return false;
  return cur_.Seek(f.offset + f.value);
}

bool Reader::Enter(const Field& f, Frame* frame) {
  if (f.type != WireType::kLen) return cur_.Fail("field " + std::to_string(f.number) +
                                                 " should be a message");
  if (depth_ >= kMaxDepth) return cur_.Fail("messages nested deeper than " +
                                            std::to_string(kMaxDepth));
  ++depth_;
  frame->end = f.offset + f.value;
  frame->old_end = cur_.PushLimit(frame->end);
  return cur_.Seek(f.offset);
}

bool Reader::Leave(const Frame& frame) {
  --depth_;
  bool ok = cur_.Seek(frame.end);
  cur_.PopLimit(frame.old_end);
  return ok;
}

}  // namespace aisec::formats::protobuf
