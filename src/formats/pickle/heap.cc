#include "formats/pickle/heap.h"

#include <algorithm>
#include <cstddef>

namespace aisec::formats::pickle {

uint32_t Heap::AddBytes(std::string_view kept, uint64_t full_size) {
  uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(MakeNode(bytes_.size(), kept.size(), 0, full_size));
  bytes_.append(kept.data(), kept.size());
  return id;
}

uint32_t Heap::AddItems(const Value* items, uint32_t count) {
  uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(MakeNode(children_.size(), count, 1, count));
  children_.append(items, count);
  return id;
}

void Heap::AppendItems(uint32_t node, const Value* items, uint32_t count, uint32_t cap) {
  Node& n = nodes_[node];
  n.extra += count;
  uint32_t length = n.length;
  uint32_t take = length >= cap ? 0 : std::min(count, cap - length);
  if (take == 0) return;
  if (n.offset + n.length != children_.size()) {
    // Not the last block of the arena: move it to the end (at most `cap` items), the old copy
    // becomes garbage for the next collection.
    uint64_t from = n.offset;
    n.offset = children_.size();
    children_.append(children_.data() + from, length);
  }
  children_.append(items, take);
  n.length = length + take;
}

uint32_t Heap::AddObject(uint32_t call, Value args) {
  Value items[2] = {args, Value::Of(Kind::kAbsent)};
  uint32_t id = AddItems(items, 2);
  nodes_[id].extra = call;
  return id;
}

uint32_t Heap::Move(uint32_t old, Space& to, std::vector<uint32_t>& forward) {
  if (old >= forward.size()) return old;  // cannot happen for values the machine made
  if (forward[old] != UINT32_MAX) return forward[old];
  const Node& n = nodes_[old];
  uint32_t id = static_cast<uint32_t>(to.nodes.size());
  if (n.is_items) {
    to.nodes.push_back(MakeNode(to.children.size(), n.length, 1, n.extra));
    to.children.append(children_.data() + n.offset, n.length);
  } else {
    to.nodes.push_back(MakeNode(to.bytes.size(), n.length, 0, n.extra));
    to.bytes.append(bytes_.data() + n.offset, n.length);
  }
  forward[old] = id;
  return id;
}

void Heap::Finish(Space& to) {
  nodes_ = std::move(to.nodes);
  bytes_ = std::move(to.bytes);
  children_ = std::move(to.children);
  // Collect again only when the heap has doubled: amortised linear time.
  next_collect_nodes_ = std::max(kMinCollectNodes, nodes_.size() * 2);
  next_collect_bytes_ = std::max(kMinCollectBytes, bytes_.size() * 2);
}

void Heap::Clear() {
  nodes_.clear();
  bytes_.clear();
  children_.clear();
  next_collect_nodes_ = kMinCollectNodes;
  next_collect_bytes_ = kMinCollectBytes;
}

}  // namespace aisec::formats::pickle
