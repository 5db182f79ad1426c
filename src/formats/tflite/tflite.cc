#include "formats/tflite/tflite.h"

#include <algorithm>

namespace aisec::formats::tflite {
namespace {

// Minimal FlatBuffers access: every offset is checked against the file before it is followed.
class Flat {
 public:
  explicit Flat(ByteSource& src) : src_(src) {}

  bool U32(uint64_t at, uint32_t* v) { return Int(at, 4, v); }
  bool U16(uint64_t at, uint16_t* v) {
    uint32_t x;
    if (!Int(at, 2, &x)) return false;
    *v = static_cast<uint16_t>(x);
    return true;
  }

  struct Table {
    uint64_t at = 0;
    uint64_t vtable = 0;
    uint16_t vtable_size = 0;
  };
  // The table whose start is at `at`.
  bool Open(uint64_t at, Table* t) {
    uint32_t soff;
    if (!U32(at, &soff)) return false;
    int64_t vt = static_cast<int64_t>(at) - static_cast<int32_t>(soff);
    if (vt < 0 || static_cast<uint64_t>(vt) >= src_.size()) return Fail("vtable out of bounds", at);
    t->at = at;
    t->vtable = static_cast<uint64_t>(vt);
    if (!U16(t->vtable, &t->vtable_size) || t->vtable_size < 4 || t->vtable_size % 2) {
      return Fail("bad vtable", t->vtable);
    }
    return true;
  }
  // Position of field `index`, or 0 when absent.
  uint64_t Field(const Table& t, int index) {
    uint64_t slot = 4 + 2 * static_cast<uint64_t>(index);
    uint16_t off = 0;
    if (slot + 2 > t.vtable_size || !U16(t.vtable + slot, &off) || off == 0) return 0;
    return t.at + off;
  }
  // Follows the uoffset stored at `field`.
  bool Deref(uint64_t field, uint64_t* target) {
    uint32_t off;
    if (!U32(field, &off)) return false;
    *target = field + off;
    if (*target >= src_.size()) return Fail("offset out of bounds", field);
    return true;
  }
  // A vector of `elem`-byte elements at the uoffset stored in `field`.
  bool Vector(uint64_t field, uint32_t elem, uint32_t* len, uint64_t* first) {
    uint64_t at;
    if (!Deref(field, &at) || !U32(at, len)) return false;
    *first = at + 4;
    if (*len > kMaxVector || uint64_t{*len} * elem > src_.size() - std::min(src_.size(), *first)) {
      return Fail("vector of " + std::to_string(*len) + " elements past the end", at);
    }
    return true;
  }
  bool String(uint64_t field, size_t keep, std::string* out) {
    uint32_t len;
    uint64_t first;
    if (!Vector(field, 1, &len, &first)) return false;
    auto s = src_.Read(first, std::min<uint64_t>(len, keep));
    if (!s.ok()) return Fail(s.error().message, first);
    *out = std::move(*s);
    return true;
  }

  bool Fail(std::string why, uint64_t at) {
    if (error_.empty()) {
      error_ = std::move(why);
      error_at_ = at;
    }
    return false;
  }
  const std::string& error() const { return error_; }
  uint64_t error_at() const { return error_at_; }

 private:
  bool Int(uint64_t at, unsigned n, uint32_t* v) {
    if (at > src_.size() || src_.size() - at < n) return Fail("read past the end", at);
    auto b = src_.Read(at, n);
    if (!b.ok() || b->size() < n) return Fail("short read", at);
    uint32_t x = 0;
    for (unsigned i = 0; i < n; ++i) x |= static_cast<uint32_t>(static_cast<uint8_t>((*b)[i])) << (8 * i);
    *v = x;
    return true;
  }

  ByteSource& src_;
  std::string error_;
  uint64_t error_at_ = 0;
};

// Model fields (schema.fbs): version 0, operator_codes 1, subgraphs 2, description 3,
// metadata 6. OperatorCode: deprecated_builtin_code 0 (byte), custom_code 1, builtin_code 3.
// SubGraph: operators 3. Metadata: name 0.
bool ReadModel(Flat& fb, Model& m) {
  uint32_t root;
  Flat::Table model;
  if (!fb.U32(0, &root) || !fb.Open(root, &model)) return false;
  if (uint64_t f = fb.Field(model, 0); f && !fb.U32(f, &m.version)) return false;
  if (uint64_t f = fb.Field(model, 3); f && !fb.String(f, 4096, &m.description)) return false;
  uint32_t n;
  uint64_t first;
  if (uint64_t f = fb.Field(model, 1); f) {
    if (!fb.Vector(f, 4, &n, &first)) return false;
    for (uint32_t i = 0; i < n; ++i) {
      Flat::Table code;
      uint64_t at;
      if (!fb.Deref(first + 4ull * i, &at) || !fb.Open(at, &code)) return false;
      uint32_t builtin = 0;
      if (uint64_t b = fb.Field(code, 3); b && !fb.U32(b, &builtin)) return false;
      if (builtin == 0) {  // older files only set the deprecated byte field
        if (uint64_t d = fb.Field(code, 0); d && !fb.U32(d, &builtin)) return false;
        builtin &= 0xFF;
      }
      std::string custom;
      if (uint64_t c = fb.Field(code, 1); c && !fb.String(c, 256, &custom)) return false;
      if (builtin == kCustomOperator || !custom.empty()) {
        m.custom_ops.push_back(custom);
      } else if (std::find(m.builtin_ops.begin(), m.builtin_ops.end(), builtin) == m.builtin_ops.end()) {
        m.builtin_ops.push_back(static_cast<int32_t>(builtin));
      }
    }
  }
  if (uint64_t f = fb.Field(model, 2); f) {
    if (!fb.Vector(f, 4, &m.subgraphs, &first)) return false;
    for (uint32_t i = 0; i < m.subgraphs; ++i) {
      Flat::Table sg;
      uint64_t at, ops_first;
      uint32_t ops = 0;
      if (!fb.Deref(first + 4ull * i, &at) || !fb.Open(at, &sg)) return false;
      if (uint64_t o = fb.Field(sg, 3); o && !fb.Vector(o, 4, &ops, &ops_first)) return false;
      m.operators += ops;
    }
  }
  if (uint64_t f = fb.Field(model, 6); f) {
    if (!fb.Vector(f, 4, &n, &first)) return false;
    for (uint32_t i = 0; i < n && i < 256; ++i) {
      Flat::Table md;
      uint64_t at;
      std::string name;
      if (!fb.Deref(first + 4ull * i, &at) || !fb.Open(at, &md)) return false;
      if (uint64_t nm = fb.Field(md, 0); nm && !fb.String(nm, 256, &name)) return false;
      m.metadata.push_back(std::move(name));
    }
  }
  return true;
}

}  // namespace

bool LooksLikeTflite(std::string_view head) { return head.size() >= 8 && head.substr(4, 4) == "TFL3"; }

Model Parse(ByteSource& raw) {
  Model m;
  CachedSource src(raw);
  auto head = src.Read(0, 8);
  if (!head.ok() || !LooksLikeTflite(*head)) {
    m.issues.push_back(Issue{"bad-identifier", "no TFL3 file identifier", 4, {}});
    return m;
  }
  Flat fb(src);
  if (!ReadModel(fb, m)) {
    m.issues.push_back(Issue{"malformed", fb.error(), fb.error_at(), {}});
    return m;
  }
  m.complete = true;
  return m;
}

}  // namespace aisec::formats::tflite
