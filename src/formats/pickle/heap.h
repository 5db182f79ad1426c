#pragma once
// Symbolic values of the pickle machine and the arena that holds their contents.
//
// A Value is 8 bytes and never owns memory, so pushing, popping and memoising cost no
// allocation. Strings (a bounded prefix) and tuple items live in the Heap; the machine asks the
// heap to collect garbage from time to time, giving it every live Value (stack and memo), so
// memory stays bounded by what the pickle keeps alive, never by the length of the stream.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/big_alloc.h"

namespace aisec::formats::pickle {

enum class Kind : uint8_t {
  kAbsent,      // an empty memo slot
  kNone,
  kBool,        // ref: 0 or 1
  kInt,         // ref: the value when it fits in int32 (flag kBig otherwise)
  kFloat,
  kStr,         // ref: heap node
  kBytes,       // ref: heap node (bytes, bytearray)
  kTuple,       // ref: heap node with items
  kList,        // ref: heap node with the first items (kMaxContainerItems)
  kDict,        // ref: heap node with the first keys and values, alternating
  kSet,
  kFrozenSet,
  kGlobal,      // ref: index of the Import it came from
  kObject,      // ref: heap node [args, state] naming the Call that produced it
  kPersistent,  // ref: heap node with one item, the persistent id
  kBuffer,      // out-of-band buffer (NEXT_BUFFER)
  kUnknown,     // something the machine cannot know (memo beyond limits)
};

inline constexpr uint8_t kBig = 1;        // kInt: does not fit in int32
inline constexpr uint8_t kTruncated = 2;  // kStr/kBytes: only a prefix was kept
inline constexpr uint8_t kByteArray = 4;  // kBytes: a bytearray

struct Value {
  Kind kind = Kind::kAbsent;
  uint8_t flags = 0;
  uint16_t spare = 0;
  uint32_t ref = 0;

  static Value Of(Kind k, uint32_t ref = 0, uint8_t flags = 0) { return Value{k, flags, 0, ref}; }
  // An integer: its value when it fits in int32, else only "big".
  static Value Int(int64_t v, bool big = false) {
    if (big || v < INT32_MIN || v > INT32_MAX) return Of(Kind::kInt, 0, kBig);
    return Of(Kind::kInt, static_cast<uint32_t>(static_cast<int32_t>(v)));
  }
  bool HasNode() const {
    return kind == Kind::kStr || kind == Kind::kBytes || kind == Kind::kTuple ||
           kind == Kind::kList || kind == Kind::kDict || kind == Kind::kObject ||
           kind == Kind::kPersistent;
  }
};
static_assert(sizeof(Value) == 8);

// Lists and dicts keep their first items only (evidence and format hooks need no more).
inline constexpr uint32_t kMaxContainerItems = 128;

class Heap {
 public:
  // A string or bytes value keeping the bytes given (the caller truncates); `full_size` is the
  // size in the stream.
  uint32_t AddBytes(std::string_view kept, uint64_t full_size);
  // A node for `count` items, copied from `items`.
  uint32_t AddItems(const Value* items, uint32_t count);
  // Appends to a list or dict node, keeping at most `cap` items; TotalItems() counts them all.
  void AppendItems(uint32_t node, const Value* items, uint32_t count, uint32_t cap);
  // An object made by call number `call` with `args`; its state (set by BUILD) starts absent.
  uint32_t AddObject(uint32_t call, Value args);
  uint32_t ObjectCall(uint32_t node) const { return static_cast<uint32_t>(nodes_[node].extra); }
  void SetItem(uint32_t node, uint32_t i, Value v) { children_[nodes_[node].offset + i] = v; }

  std::string_view Bytes(uint32_t node) const {
    const Node& n = nodes_[node];
    return std::string_view(bytes_.data() + n.offset, n.length);
  }
  uint64_t FullSize(uint32_t node) const { return nodes_[node].extra; }
  const Value* Items(uint32_t node) const { return children_.data() + nodes_[node].offset; }
  uint32_t ItemCount(uint32_t node) const { return nodes_[node].length; }
  uint64_t TotalItems(uint32_t node) const { return nodes_[node].extra; }

  // True when a collection would free enough to be worth it. `live_hint` estimates the nodes
  // known to be live (memo and stack entries): collecting while nearly everything is memoised
  // would copy it all for nothing.
  bool WantsCollect(size_t live_hint) const {
    return nodes_.size() >= std::max(next_collect_nodes_, 2 * live_hint) ||
           bytes_.size() >= next_collect_bytes_;
  }
  // Compacts the heap, keeping what the roots reach; each root Value is rewritten in place.
  // `for_each_root(fn)` must call fn(Value&) for every live value.
  template <typename ForEachRoot>
  void Collect(ForEachRoot for_each_root);

  size_t node_count() const { return nodes_.size(); }
  size_t byte_count() const { return bytes_.size(); }
  void Clear();

 private:
  // 16 bytes: a heap may hold a node for each of millions of memoised values.
  struct Node {
    uint64_t offset : 40;  // into bytes_ (strings) or children_ (items)
    uint64_t length : 23;  // bytes kept, or item count (both far below 2^23 by the limits)
    uint64_t is_items : 1;
    uint64_t extra;        // strings: size in the stream; containers: items appended in all;
                           // objects: the call number
  };
  static_assert(sizeof(Node) == 16);
  static Node MakeNode(uint64_t offset, uint64_t length, bool items, uint64_t extra) {
    Node n;
    n.offset = offset;
    n.length = length;
    n.is_items = items;
    n.extra = extra;
    return n;
  }

  struct Space {
    BigArray<Node> nodes;
    BigArray<char> bytes;
    BigArray<Value> children;
  };

  uint32_t Move(uint32_t old, Space& to, std::vector<uint32_t>& forward);
  void Finish(Space& to);

  BigArray<Node> nodes_;
  BigArray<char> bytes_;
  BigArray<Value> children_;
  size_t next_collect_nodes_ = kMinCollectNodes;
  size_t next_collect_bytes_ = kMinCollectBytes;

  static constexpr size_t kMinCollectNodes = 1u << 20;
  static constexpr size_t kMinCollectBytes = 64u << 20;
};

template <typename ForEachRoot>
void Heap::Collect(ForEachRoot for_each_root) {
  Space to;
  std::vector<uint32_t> forward(nodes_.size(), UINT32_MAX);
  for_each_root([&](Value& v) {
    if (v.HasNode()) v.ref = Move(v.ref, to, forward);
  });
  // Cheney scan: items copied into the new space still name old nodes until visited here.
  for (size_t i = 0; i < to.children.size(); ++i) {
    Value v = to.children[i];  // Move may grow to.children
    if (v.HasNode()) {
      uint32_t moved = Move(v.ref, to, forward);
      to.children[i].ref = moved;
    }
  }
  Finish(to);
}

}  // namespace aisec::formats::pickle
