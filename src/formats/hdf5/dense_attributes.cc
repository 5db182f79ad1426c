#include "formats/hdf5/dense_attributes.h"

#include <algorithm>
#include <bit>

namespace aisec::formats::hdf5 {
namespace {

constexpr uint8_t kNameIndexType = 8;  // B-tree records: attribute name index (dense storage)
constexpr uint8_t kHugeObjectType = 1; // B-tree records: huge objects, neither filtered nor direct
constexpr uint64_t kMaxNodeSize = 1u << 20;
constexpr uint64_t kMaxDirectBlocks = 1u << 16;

// Bytes that encode any number up to n (H5VM_limit_enc_size).
uint32_t EncodedSize(uint64_t n) { return n == 0 ? 1 : static_cast<uint32_t>(std::bit_width(n) - 1) / 8 + 1; }

uint64_t LittleEndian(std::string_view bytes) {
  uint64_t v = 0;
  for (size_t i = bytes.size(); i-- > 0;) v = (v << 8) | static_cast<uint8_t>(bytes[i]);
  return v;
}

struct FractalHeap {
  uint16_t filter_length = 0;
  uint64_t huge_index = 0;  // relative address of the huge-object B-tree
  uint32_t width = 0;
  uint64_t start_block = 0, max_direct_block = 0;
  uint32_t max_heap_bits = 0;
  uint64_t root = 0;
  uint32_t root_rows = 0;
  uint32_t offset_bytes = 0, length_bytes = 0;  // of a managed heap ID
  uint32_t max_managed = 0;
};

class Reader {
 public:
  Reader(ByteSource& src, const Layout& l) : src_(src), l_(l) {}

  std::string Run(uint64_t heap_addr, uint64_t name_index, std::vector<Range>* out) {
    if (!ReadHeap(heap_addr)) return error_;
    std::vector<std::string> records;
    if (!ReadBTree(name_index, kNameIndexType, &records)) return error_;
    std::string missed;
    for (const auto& rec : records) {
      if (out->size() >= kMaxDenseAttributes) return "too many dense attributes";
      Range r;
      if (rec.size() < 9 || !Locate(std::string_view(rec).substr(0, rec.size() - 9), &r)) {
        if (missed.empty()) missed = error_;
        continue;
      }
      out->push_back(r);
    }
    return missed;
  }

 private:
  bool Fail(std::string why) {
    error_ = std::move(why);
    return false;
  }
  bool Abs(uint64_t addr, uint64_t* out) {
    if (__builtin_add_overflow(l_.base, addr, out) || *out >= src_.size()) {
      return Fail("address " + std::to_string(addr) + " is outside the file");
    }
    return true;
  }
  bool Signature(Cursor& c, std::string_view want) {
    std::string sig;
    if (!c.Bytes(4, &sig) || sig != want) return Fail("no " + std::string(want) + " signature");
    return true;
  }

  bool ReadHeap(uint64_t addr);
  bool ReadBTree(uint64_t addr, uint8_t type, std::vector<std::string>* records);
  bool ReadNode(uint64_t addr, uint16_t nrec, uint16_t depth, uint8_t type, std::vector<std::string>* records);
  bool Locate(std::string_view id, Range* r);
  bool ReadRootIndirect(uint64_t root);
  bool LocateManaged(uint64_t offset, uint64_t length, Range* r);
  bool LocateHuge(uint64_t key, Range* r);

  ByteSource& src_;
  const Layout& l_;
  FractalHeap h_;
  uint32_t node_size_ = 0, record_size_ = 0;
  std::vector<uint64_t> direct_;        // direct block addresses of the root indirect block
  std::vector<std::string> huge_;       // records of the huge-object index
  bool root_read_ = false, huge_read_ = false;
  std::string error_;
};

// FRHP: the fields up to the root block (III.G "Fractal Heap Header").
bool Reader::ReadHeap(uint64_t addr) {
  uint64_t at, skip;
  if (!Abs(addr, &at)) return false;
  Cursor c(src_, at, src_.size(), 256);
  uint8_t version, flags;
  uint16_t id_length, max_bits, start_rows, root_rows, width;
  const uint32_t O = l_.offset_size, L = l_.length_size;
  if (!Signature(c, "FRHP") || !c.U8(&version) || !c.U16(&id_length) || !c.U16(&h_.filter_length) ||
      !c.U8(&flags) || !c.U32(&h_.max_managed) || !c.UN(L, &skip) || !c.UN(O, &h_.huge_index) ||
      !c.Skip(L + O + 8 * L) || !c.U16(&width) || !c.UN(L, &h_.start_block) ||
      !c.UN(L, &h_.max_direct_block) || !c.U16(&max_bits) || !c.U16(&start_rows) ||
      !c.UN(O, &h_.root) || !c.U16(&root_rows)) {
    return Fail(error_.empty() ? "truncated fractal heap header" : error_);
  }
  if (version != 0 || width == 0 || h_.start_block == 0 ||
      !std::has_single_bit(h_.start_block) || !std::has_single_bit(h_.max_direct_block) ||
      h_.max_direct_block < h_.start_block || max_bits == 0 || max_bits > 64) {
    return Fail("fractal heap header has impossible table parameters");
  }
  if (h_.filter_length != 0) return Fail("fractal heap blocks are filtered (compressed)");
  h_.width = width;
  h_.max_heap_bits = max_bits;
  h_.root_rows = root_rows;
  h_.offset_bytes = (max_bits + 7) / 8;
  uint32_t block_bytes = (static_cast<uint32_t>(std::bit_width(h_.max_direct_block - 1)) + 7) / 8;
  h_.length_bytes = std::min(block_bytes, EncodedSize(h_.max_managed));
  return true;
}

// BTHD, then the root node (III.A.2 "Version 2 B-trees"); records of internal nodes count too.
bool Reader::ReadBTree(uint64_t addr, uint8_t type, std::vector<std::string>* records) {
  uint64_t at, root;
  if (!Abs(addr, &at)) return false;
  Cursor c(src_, at, src_.size(), 64);
  uint8_t version, tree_type;
  uint32_t node_size;
  uint16_t record_size, depth, root_nrec;
  if (!Signature(c, "BTHD") || !c.U8(&version) || !c.U8(&tree_type) || !c.U32(&node_size) ||
      !c.U16(&record_size) || !c.U16(&depth) || !c.Skip(2) || !c.UN(l_.offset_size, &root) ||
      !c.U16(&root_nrec)) {
    return Fail(error_.empty() ? "truncated B-tree header" : error_);
  }
  if (version != 0 || tree_type != type) return Fail("unexpected B-tree type " + std::to_string(tree_type));
  if (node_size <= 10 || node_size > kMaxNodeSize || record_size == 0 || record_size > node_size) {
    return Fail("B-tree node or record size is impossible");
  }
  if (depth > 1) return Fail("B-tree of depth " + std::to_string(depth) + " not read");
  node_size_ = node_size;
  record_size_ = record_size;
  if (root_nrec == 0) return true;
  return ReadNode(root, root_nrec, depth, type, records);
}

bool Reader::ReadNode(uint64_t addr, uint16_t nrec, uint16_t depth, uint8_t type,
                      std::vector<std::string>* records) {
  uint64_t at;
  if (!Abs(addr, &at)) return false;
  Cursor c(src_, at, std::min(src_.size(), at + node_size_));
  uint8_t version, node_type;
  if (!Signature(c, depth == 0 ? "BTLF" : "BTIN") || !c.U8(&version) || !c.U8(&node_type)) {
    return Fail(error_.empty() ? "truncated B-tree node" : error_);
  }
  if (node_type != type || uint64_t{nrec} * record_size_ > node_size_) return Fail("bad B-tree node");
  for (uint16_t i = 0; i < nrec; ++i) {
    std::string rec;
    if (!c.Bytes(record_size_, &rec)) return Fail("B-tree record past its node");
    if (records->size() < kMaxDenseAttributes) records->push_back(std::move(rec));
  }
  if (depth == 0) return true;
  // Children of a depth-1 node are leaves: address, then their record count in as many bytes
  // as the largest count a leaf can hold needs.
  uint32_t count_bytes = EncodedSize((node_size_ - 10) / record_size_);
  for (uint32_t i = 0; i <= nrec; ++i) {
    uint64_t child, child_nrec;
    if (!c.UN(l_.offset_size, &child) || !c.UN(count_bytes, &child_nrec)) return Fail("B-tree child past its node");
    if (child_nrec > 0xFFFF) return Fail("bad B-tree child count");
    if (!ReadNode(child, static_cast<uint16_t>(child_nrec), 0, type, records)) return false;
  }
  return true;
}

// A heap ID: version and type in the first byte, then per type (III.G "Fractal Heap ID").
bool Reader::Locate(std::string_view id, Range* r) {
  if (id.empty()) return Fail("empty heap ID");
  uint8_t first = static_cast<uint8_t>(id[0]);
  if ((first >> 6) != 0) return Fail("heap ID version " + std::to_string(first >> 6));
  std::string_view rest = id.substr(1);
  switch ((first >> 4) & 3) {
    case 0: {
      if (rest.size() < h_.offset_bytes + h_.length_bytes) return Fail("short managed heap ID");
      return LocateManaged(LittleEndian(rest.substr(0, h_.offset_bytes)),
                           LittleEndian(rest.substr(h_.offset_bytes, h_.length_bytes)), r);
    }
    case 1: {
      const uint32_t O = l_.offset_size, L = l_.length_size;
      if (rest.size() >= O + L) {  // the ID holds the address and length themselves
        uint64_t at;
        if (!Abs(LittleEndian(rest.substr(0, O)), &at)) return false;
        *r = Range{at, LittleEndian(rest.substr(O, L))};
        return r->size <= src_.size() - at || Fail("huge object past the end of the file");
      }
      return LocateHuge(LittleEndian(rest.substr(0, std::min<size_t>(rest.size(), 8))), r);
    }
    default: return Fail("tiny heap objects are not read");
  }
}

// The root indirect block lists the direct blocks row by row (`width` a row), then the
// indirect ones, which are not read. Read once per heap.
bool Reader::ReadRootIndirect(uint64_t root) {
  Cursor c(src_, root, src_.size(), 4096);
  if (!Signature(c, "FHIB") || !c.Skip(1 + l_.offset_size + h_.offset_bytes)) {
    return Fail(error_.empty() ? "truncated indirect block" : error_);
  }
  uint32_t direct_rows =
      static_cast<uint32_t>(std::bit_width(h_.max_direct_block) - std::bit_width(h_.start_block)) + 2;
  uint64_t entries = uint64_t{std::min(h_.root_rows, direct_rows)} * h_.width;
  if (entries > kMaxDirectBlocks) return Fail("too many direct blocks");
  for (uint64_t i = 0; i < entries; ++i) {
    uint64_t addr;
    if (!c.UN(l_.offset_size, &addr)) return Fail("truncated indirect block");
    direct_.push_back(addr);
  }
  return true;
}

// Row r of the doubling table holds `width` blocks of start_block bytes (rows 0 and 1), then
// twice the previous row's size.
bool Reader::LocateManaged(uint64_t offset, uint64_t length, Range* r) {
  uint64_t block = 0, block_size = h_.start_block, root;
  if (!Abs(h_.root, &root)) return false;
  if (h_.root_rows == 0) {
    block = root;
  } else {
    if (!root_read_) {  // once per heap
      root_read_ = true;
      if (!ReadRootIndirect(root)) return false;
    }
    uint64_t at = 0;
    bool found = false;
    for (size_t i = 0; i < direct_.size() && !found; ++i) {
      size_t row = i / h_.width;
      block_size = row < 2 ? h_.start_block : h_.start_block << (row - 1);
      if (offset >= at && offset - at < block_size) {
        if (!Abs(direct_[i], &block)) return false;
        offset -= at;
        found = true;
      } else {
        at += block_size;
      }
    }
    if (!found) return Fail("object not in a direct block of the root (nested blocks are not read)");
  }
  uint64_t end;
  if (__builtin_add_overflow(offset, length, &end) || end > block_size || block + end > src_.size()) {
    return Fail("managed object past its block");
  }
  *r = Range{block + offset, length};
  return true;
}

bool Reader::LocateHuge(uint64_t key, Range* r) {
  if (!huge_read_) {  // once per heap: every huge attribute is in this one index
    huge_read_ = true;
    if (!ReadBTree(h_.huge_index, kHugeObjectType, &huge_)) huge_.clear();
  }
  const uint32_t O = l_.offset_size, L = l_.length_size;
  for (const auto& rec : huge_) {
    if (rec.size() < O + 2 * L || LittleEndian(std::string_view(rec).substr(O + L, L)) != key) continue;
    uint64_t at;
    if (!Abs(LittleEndian(std::string_view(rec).substr(0, O)), &at)) return false;
    *r = Range{at, LittleEndian(std::string_view(rec).substr(O, L))};
    return r->size <= src_.size() - at || Fail("huge object past the end of the file");
  }
  return Fail("huge object not in its index");
}

}  // namespace

std::string DenseAttributeRanges(ByteSource& src, const Layout& layout, uint64_t heap,
                                 uint64_t name_index, std::vector<Range>* out) {
  return Reader(src, layout).Run(heap, name_index, out);
}

}  // namespace aisec::formats::hdf5
