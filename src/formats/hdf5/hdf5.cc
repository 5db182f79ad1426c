#include "formats/hdf5/hdf5.h"

#include "formats/hdf5/dense_attributes.h"

#include <algorithm>
#include <set>

namespace aisec::formats::hdf5 {
namespace {

constexpr std::string_view kSignature("\x89HDF\r\n\x1a\n", 8);
// Object header message types (HDF5 file format specification, section IV.A.2).
constexpr uint32_t kAttributeMessage = 0x000C;
constexpr uint32_t kContinuationMessage = 0x0010;
constexpr uint32_t kAttributeInfoMessage = 0x0015;
constexpr uint8_t kStringClass = 3, kVlenClass = 9;

uint64_t Pad8(uint64_t n) { return (n + 7) & ~uint64_t{7}; }

class Parser {
 public:
  Parser(ByteSource& src, File& f) : src_(src), f_(f) {}

  void Run() {
    if (!FindSuperblock() || !ReadSuperblock() || !ReadRootHeader()) return;
    f_.complete = true;
  }

 private:
  bool Fatal(std::string what, std::string detail, uint64_t offset) {
    f_.issues.push_back(Issue{std::move(what), std::move(detail), offset, {}});
    return false;
  }
  void Note(std::string what, std::string detail, uint64_t offset, std::string subject = {}) {
    f_.issues.push_back(Issue{std::move(what), std::move(detail), offset, std::move(subject)});
  }
  bool Truncated(const Cursor& c) {
    return Fatal("truncated", c.error(), c.error_offset());
  }

  bool Undefined(uint64_t addr) const {
    return f_.offset_size == 8 ? addr == ~uint64_t{0}
                               : addr == (uint64_t{1} << (8 * f_.offset_size)) - 1;
  }
  // Absolute offset of a relative address, or false (and a fatal issue) when outside the file.
  bool Abs(uint64_t addr, uint64_t at, uint64_t* out) {
    if (Undefined(addr) || __builtin_add_overflow(f_.base, addr, out) || *out >= src_.size()) {
      return Fatal("address-out-of-bounds",
                   "address " + std::to_string(addr) + " is outside the " +
                       std::to_string(src_.size()) + "-byte file",
                   at);
    }
    return true;
  }

  // The superblock is at 0 or after a user block of 512, 1024, 2048, … bytes.
  bool FindSuperblock() {
    for (uint64_t at = 0; at < src_.size() && at <= kMaxUserBlock; at = at ? at * 2 : 512) {
      auto sig = src_.Read(at, kSignature.size());
      if (sig.ok() && *sig == kSignature) {
        f_.superblock_offset = at;
        return true;
      }
    }
    return Fatal("bad-signature", "no HDF5 signature", 0);
  }

  bool ReadSuperblock() {
    Cursor c(src_, f_.superblock_offset + 8, src_.size(), 256);
    uint8_t version, b;
    if (!c.U8(&version)) return Truncated(c);
    f_.superblock_version = version;
    uint8_t off = 0, len = 0;
    uint64_t root = 0;
    if (version <= 1) {
      // Versions of free space, root entry, reserved, shared messages; then the two sizes.
      if (!c.Skip(4) || !c.U8(&off) || !c.U8(&len) || !c.Skip(1 + 2 + 2 + 4)) return Truncated(c);
      if (version == 1 && !c.Skip(4)) return Truncated(c);
    } else if (version <= 3) {
      if (!c.U8(&off) || !c.U8(&len) || !c.U8(&b)) return Truncated(c);
    } else {
      return Fatal("unsupported-superblock", "superblock version " + std::to_string(version),
                   f_.superblock_offset + 8);
    }
    if ((off != 2 && off != 4 && off != 8) || (len != 2 && len != 4 && len != 8)) {
      return Fatal("unsupported-superblock", "offset/length sizes " + std::to_string(off) + "/" +
                                                 std::to_string(len), c.pos());
    }
    f_.offset_size = off;
    f_.length_size = len;
    uint64_t skip_addr;
    if (!c.UN(off, &f_.base)) return Truncated(c);
    if (version <= 1) {
      // free-space address, end of file, driver block, then the root symbol table entry: link
      // name offset, object header address.
      if (!c.UN(off, &skip_addr) || !c.UN(off, &f_.eof_address) || !c.UN(off, &skip_addr) ||
          !c.UN(off, &skip_addr) || !c.UN(off, &root)) {
        return Truncated(c);
      }
    } else if (!c.UN(off, &skip_addr) || !c.UN(off, &f_.eof_address) || !c.UN(off, &root)) {
      return Truncated(c);
    }
    // Writers store the superblock's own offset as the base; a zero base after a user block is
    // read the same way by the reference library.
    if (f_.base == 0) f_.base = f_.superblock_offset;
    if (f_.base > src_.size()) return Fatal("address-out-of-bounds", "base address past the end", 0);
    // The end-of-file address is written absolute by current writers, relative by old ones.
    uint64_t relative;
    bool relative_ok = !__builtin_add_overflow(f_.base, f_.eof_address, &relative);
    if (f_.eof_address != src_.size() && !(relative_ok && relative == src_.size())) {
      Note("eof-mismatch", "superblock says the file ends at " + std::to_string(f_.eof_address) +
                               ", it has " + std::to_string(src_.size()) + " bytes",
           f_.superblock_offset);
    }
    return Abs(root, c.pos(), &f_.root_header);
  }

  bool ReadRootHeader() {
    std::vector<std::pair<uint64_t, uint64_t>> blocks;  // continuation blocks still to read
    std::set<uint64_t> seen{f_.root_header};
    uint8_t first;
    auto sig = src_.Read(f_.root_header, 4);
    if (!sig.ok() || sig->size() < 4) return Fatal("truncated", "no root object header", f_.root_header);
    first = static_cast<uint8_t>((*sig)[0]);
    bool v2 = *sig == "OHDR";
    if (!v2 && first != 1) {
      return Fatal("bad-object-header", "root object header version " + std::to_string(first),
                   f_.root_header);
    }
    f_.root_header_version = v2 ? 2 : 1;
    if (!(v2 ? ReadV2Header(&blocks) : ReadV1Header(&blocks))) return false;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (i >= kMaxContinuations) return Fatal("too-many-messages", "too many continuation blocks", 0);
      auto [at, size] = blocks[i];
      if (!seen.insert(at).second) return Fatal("continuation-loop", "continuation cycle", at);
      auto block_sig = src_.Read(at, 4);
      if (v2 && (!block_sig.ok() || *block_sig != "OCHK")) {
        return Fatal("bad-object-header", "continuation block without OCHK signature", at);
      }
      if (!(v2 ? ReadV2Block(at + 4, at + size - 4, &blocks) : ReadV1Block(at, at + size, &blocks))) {
        return false;
      }
    }
    return true;
  }

  bool ReadV1Header(std::vector<std::pair<uint64_t, uint64_t>>* blocks) {
    Cursor c(src_, f_.root_header, src_.size(), 64);
    uint16_t count;
    uint32_t refs, size;
    if (!c.Skip(2) || !c.U16(&count) || !c.U32(&refs) || !c.U32(&size)) return Truncated(c);
    uint64_t start = f_.root_header + 16;
    return ReadV1Block(start, start + size, blocks);
  }

  // Version 1 messages: type (2), size (2), flags (1), reserved (3), data aligned to 8 bytes.
  bool ReadV1Block(uint64_t at, uint64_t end, std::vector<std::pair<uint64_t, uint64_t>>* blocks) {
    if (end > src_.size() || end < at) return Fatal("truncated", "object header runs past the end", at);
    Cursor c(src_, at, end);
    while (c.remaining() >= 8) {
      uint16_t type, size;
      uint8_t flags;
      if (!c.U16(&type) || !c.U16(&size) || !c.U8(&flags) || !c.Skip(3)) return Truncated(c);
      uint64_t data = c.pos();
      if (size > c.remaining()) return Fatal("bad-object-header", "message past its block", data);
      if (!OnMessage(type, data, size, flags, blocks)) return false;
      if (!c.Skip(std::min<uint64_t>(Pad8(size), c.remaining()))) return Truncated(c);
    }
    return true;
  }

  bool ReadV2Header(std::vector<std::pair<uint64_t, uint64_t>>* blocks) {
    Cursor c(src_, f_.root_header + 4, src_.size(), 64);
    uint8_t version, flags;
    if (!c.U8(&version) || !c.U8(&flags)) return Truncated(c);
    if (version != 2) return Fatal("bad-object-header", "OHDR version " + std::to_string(version), c.pos());
    creation_order_ = flags & 0x04;
    if ((flags & 0x20) && !c.Skip(16)) return Truncated(c);
    if ((flags & 0x10) && !c.Skip(4)) return Truncated(c);
    uint64_t chunk;
    if (!c.UN(1u << (flags & 3), &chunk)) return Truncated(c);
    uint64_t start = c.pos(), end;
    if (__builtin_add_overflow(start, chunk, &end)) return Fatal("bad-object-header", "chunk size", start);
    return ReadV2Block(start, end, blocks);
  }

  // Version 2 messages: type (1), size (2), flags (1), [creation order (2)], data; a gap too small
  // for a message may end the chunk.
  bool ReadV2Block(uint64_t at, uint64_t end, std::vector<std::pair<uint64_t, uint64_t>>* blocks) {
    if (end > src_.size() || end < at) return Fatal("truncated", "object header runs past the end", at);
    Cursor c(src_, at, end);
    uint64_t header = creation_order_ ? 6 : 4;
    while (c.remaining() >= header) {
      uint8_t type, flags;
      uint16_t size;
      if (!c.U8(&type) || !c.U16(&size) || !c.U8(&flags) || (creation_order_ && !c.Skip(2))) {
        return Truncated(c);
      }
      uint64_t data = c.pos();
      if (size > c.remaining()) return Fatal("bad-object-header", "message past its chunk", data);
      if (!OnMessage(type, data, size, flags, blocks)) return false;
      if (!c.Skip(size)) return Truncated(c);
    }
    return true;
  }

  bool OnMessage(uint32_t type, uint64_t data, uint64_t size, uint8_t flags,
                 std::vector<std::pair<uint64_t, uint64_t>>* blocks) {
    if (++messages_ > kMaxMessages) return Fatal("too-many-messages", "too many header messages", data);
    if (type == kContinuationMessage) {
      Cursor c(src_, data, data + size, 64);
      uint64_t addr, length, abs;
      if (!c.UN(f_.offset_size, &addr) || !c.UN(f_.length_size, &length)) return Truncated(c);
      if (!Abs(addr, data, &abs)) return false;
      if (length > src_.size() - abs || length < 8) {
        return Fatal("address-out-of-bounds", "continuation block past the end", data);
      }
      blocks->emplace_back(abs, length);
    } else if (type == kAttributeInfoMessage) {
      Cursor c(src_, data, data + size, 64);
      uint8_t version, info_flags;
      uint64_t heap, names;
      if (c.U8(&version) && c.U8(&info_flags) && (!(info_flags & 1) || c.Skip(2)) &&
          c.UN(f_.offset_size, &heap) && c.UN(f_.offset_size, &names) && !Undefined(heap)) {
        f_.dense_attributes = true;
        ReadDenseAttributes(heap, names, data);
      }
    } else if (type == kAttributeMessage && !(flags & 0x02)) {
      ReadAttribute(data, size);
    }
    return true;
  }

  // Attributes in a fractal heap (dense storage): read like the others, from where they lie.
  void ReadDenseAttributes(uint64_t heap, uint64_t names, uint64_t at) {
    std::vector<Range> ranges;
    std::string missed = DenseAttributeRanges(
        src_, Layout{.offset_size = f_.offset_size, .length_size = f_.length_size, .base = f_.base},
        heap, names, &ranges);
    for (const Range& r : ranges) ReadAttribute(r.offset, r.size);
    if (!missed.empty()) {
      Note("dense-attributes", "attributes stored in a fractal heap could not all be read: " + missed, at);
    }
  }
  void ReadAttribute(uint64_t at, uint64_t size);
  bool ReadValue(Cursor& c, uint64_t type_at, uint64_t type_size, uint64_t count, Attribute* a);
  bool ReadHeapObject(uint64_t addr, uint32_t index, uint32_t length, std::string* out);

  ByteSource& src_;
  File& f_;
  bool creation_order_ = false;
  size_t messages_ = 0;
};

// Attribute message versions 1 (fields padded to 8 bytes), 2 and 3 (packed; 3 adds the name's
// character set).
void Parser::ReadAttribute(uint64_t at, uint64_t size) {
  Cursor c(src_, at, at + size, 256);
  uint8_t version, flags, encoding;
  uint16_t name_size, type_size, space_size;
  auto bad = [&](const std::string& why) { Note("bad-attribute", why, at); };
  if (!c.U8(&version) || !c.U8(&flags) || !c.U16(&name_size) || !c.U16(&type_size) ||
      !c.U16(&space_size) || (version == 3 && !c.U8(&encoding))) {
    return bad("truncated attribute message");
  }
  if (version < 1 || version > 3) return bad("attribute message version " + std::to_string(version));
  auto pad = [&](uint64_t n) { return version == 1 ? Pad8(n) : n; };
  Attribute a{.offset = at};
  if (!c.Bytes(name_size, &a.name) || !c.Skip(pad(name_size) - name_size)) {
    return bad("attribute name past the message");
  }
  if (!a.name.empty() && a.name.back() == '\0') a.name.pop_back();
  uint64_t type_at = c.pos();
  if (!c.Skip(pad(type_size))) return bad("datatype past the message");
  // Dataspace: version, rank, flags, then (v1) five reserved bytes or (v2) the type; dims.
  uint64_t space_at = c.pos();
  uint8_t space_version, rank, space_flags;
  if (!c.U8(&space_version) || !c.U8(&rank) || !c.U8(&space_flags) || rank > 32 ||
      !c.Skip(space_version == 1 ? 5 : 1)) {
    return bad("bad dataspace");
  }
  uint64_t count = 1;
  for (uint8_t i = 0; i < rank; ++i) {
    uint64_t d;
    if (!c.UN(f_.length_size, &d) || __builtin_mul_overflow(count, d, &count)) {
      return bad("bad dataspace dimensions");
    }
  }
  a.kind = "other";
  if (!(flags & 0x03) && c.Seek(space_at + pad(space_size)) &&
      !ReadValue(c, type_at, type_size, count, &a)) {
    return bad("attribute '" + a.name + "' value is out of bounds");
  }
  f_.root_attributes.push_back(std::move(a));
}

bool Parser::ReadValue(Cursor& c, uint64_t type_at, uint64_t type_size, uint64_t count,
                       Attribute* a) {
  Cursor t(src_, type_at, type_at + type_size, 64);
  uint8_t class_version, bits0;
  uint32_t element;
  if (!t.U8(&class_version) || !t.U8(&bits0) || !t.Skip(2) || !t.U32(&element)) return false;
  uint8_t cls = class_version & 0x0F;
  uint64_t total;
  if (__builtin_mul_overflow(count, uint64_t{element}, &total) || total > kMaxAttributeBytes) {
    return false;
  }
  if (cls == kStringClass) {
    // Element counts are bounded too: zero-size strings cost nothing to store but a separator
    // each to join.
    if (element == 0 || count > kMaxStringElements) return false;
    std::string raw;
    if (!c.Bytes(total, &raw)) return false;
    for (uint64_t i = 0; i < count; ++i) {
      std::string s = raw.substr(i * element, element);
      s.erase(std::find(s.begin(), s.end(), '\0'), s.end());
      if (i) a->value += '\n';
      a->value += s;
    }
    a->kind = "string";
    return true;
  }
  if (cls == kVlenClass && (bits0 & 0x0F) == 1 && count >= 1) {  // variable-length string
    uint32_t length, index;
    uint64_t heap;
    if (!c.U32(&length) || !c.UN(f_.offset_size, &heap) || !c.U32(&index)) return false;
    a->kind = "string";
    if (length == 0 || Undefined(heap)) return true;
    return ReadHeapObject(heap, index, length, &a->value);
  }
  return true;  // other datatypes are not needed
}

// Global heap collection: "GCOL", version, reserved, collection size, then objects of index (2),
// reference count (2), reserved (4), size, data padded to 8 bytes; index 0 is free space.
bool Parser::ReadHeapObject(uint64_t addr, uint32_t index, uint32_t length, std::string* out) {
  uint64_t at;
  if (length > kMaxAttributeBytes || !Abs(addr, addr, &at)) return false;
  Cursor c(src_, at, src_.size(), 64);
  std::string sig;
  uint64_t size;
  if (!c.Bytes(4, &sig) || sig != "GCOL" || !c.Skip(4) || !c.UN(f_.length_size, &size)) {
    return false;
  }
  uint64_t end = std::min(src_.size(), at + std::min(size, 2 * kMaxAttributeBytes));
  c.PushLimit(end);
  for (size_t n = 0; n < kMaxMessages && c.remaining() >= 8 + f_.length_size; ++n) {
    uint16_t idx;
    uint64_t obj;
    if (!c.U16(&idx) || !c.Skip(6) || !c.UN(f_.length_size, &obj) || idx == 0) return false;
    if (idx == index) return obj >= length && c.Bytes(length, out);
    if (obj > c.remaining() || !c.Skip(Pad8(obj))) return false;
  }
  return false;
}

}  // namespace

const Attribute* File::Find(std::string_view name) const {
  for (const auto& a : root_attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

bool LooksLikeHdf5(std::string_view head) { return head.starts_with(kSignature); }

File Parse(ByteSource& src) {
  File f;
  Parser(src, f).Run();
  return f;
}

}  // namespace aisec::formats::hdf5
