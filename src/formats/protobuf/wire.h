#pragma once
// A minimal reader of the protocol-buffers wire format
// (https://protobuf.dev/programming-guides/encoding/): tags, varints, fixed32/64 and
// length-delimited fields, read field by field from a Cursor so that large payloads (tensor
// bytes) are skipped by seeking. Nested messages are entered with a length limit and a depth
// bound. Anything the encoding forbids (a varint over ten bytes, field number 0, a length past
// the enclosing message, groups, wire types 6 and 7) fails the cursor with the offset.
#include <cstdint>
#include <string>

#include "formats/byte_source.h"

namespace aisec::formats::protobuf {

enum class WireType : uint8_t {
  kVarint = 0, kFixed64 = 1, kLen = 2, kStartGroup = 3, kEndGroup = 4, kFixed32 = 5,
};

inline constexpr int kMaxDepth = 64;

struct Field {
  uint32_t number = 0;
  WireType type = WireType::kVarint;
  uint64_t value = 0;   // varint, fixed32 or fixed64 value; the payload length for kLen
  uint64_t offset = 0;  // where the payload starts
};

class Reader {
 public:
  explicit Reader(Cursor& cur) : cur_(cur) {}

  // The next field of the current message; false at its end or on error (see ok()). The payload
  // of a kLen field is not consumed: call Skip, String or Enter next.
  bool Next(Field* f);
  bool Skip(const Field& f);
  // A kLen payload as bytes, keeping at most `keep` of them (the rest is skipped).
  bool String(const Field& f, uint64_t keep, std::string* out);
  // Packed or single varints of a repeated scalar field; calls fn for each value.
  template <typename Fn>
  bool Varints(const Field& f, Fn fn);

  // Runs body(field) -> bool over the fields of a sub-message, stopping early when it returns
  // false. A field of another wire type is skipped, as protobuf treats it as an unknown field.
  template <typename Body>
  bool Message(const Field& f, Body body);

  // Makes a kLen field's payload the current message. Returns the state Leave() needs.
  struct Frame {
    uint64_t old_end;
    uint64_t end;
  };
  bool Enter(const Field& f, Frame* frame);
  // Moves past the sub-message (even when it was not read to its end) and restores the limit.
  bool Leave(const Frame& frame);

  bool ok() const { return cur_.ok(); }
  int depth() const { return depth_; }
  Cursor& cursor() { return cur_; }
  bool ReadVarint(uint64_t* v);

 private:
  Cursor& cur_;
  int depth_ = 0;
};

template <typename Fn>
bool Reader::Varints(const Field& f, Fn fn) {
  if (f.type == WireType::kVarint) {
    fn(f.value);
    return true;
  }
  if (f.type != WireType::kLen) return Skip(f);
  Frame frame;
  if (!Enter(f, &frame)) return false;
  uint64_t v;
  while (cur_.remaining() > 0 && ReadVarint(&v)) fn(v);
  return Leave(frame);
}

template <typename Body>
bool Reader::Message(const Field& f, Body body) {
  if (f.type != WireType::kLen) return Skip(f);
  Frame frame;
  if (!Enter(f, &frame)) return false;
  Field sub;
  while (Next(&sub)) {
    if (!body(sub)) break;
  }
  return Leave(frame) && cur_.ok();
}

}  // namespace aisec::formats::protobuf
