#pragma once
// The pickle machine's stack (with MARK frames, as CPython's metastack) and memo, both bounded.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/big_alloc.h"
#include "formats/pickle/heap.h"

namespace aisec::formats::pickle {

class ValueStack {
 public:
  ValueStack(uint32_t max_values, uint32_t max_marks) : max_values_(max_values), max_marks_(max_marks) {}

  // False when the limit is reached.
  bool Push(Value v) {
    if (values_.size() >= max_values_) return false;
    values_.push_back(v);
    return true;
  }
  // Pops from the current frame (above the last MARK); false when it is empty.
  bool Pop(Value* v) {
    if (values_.size() <= Base()) return false;
    *v = values_.back();
    values_.pop_back();
    return true;
  }
  // Pops n values of the current frame into out[0..n) (bottom first).
  bool PopN(uint32_t n, Value* out) {
    if (values_.size() - Base() < n) return false;
    size_t start = values_.size() - n;
    for (uint32_t i = 0; i < n; ++i) out[i] = values_[start + i];
    values_.resize(start);
    return true;
  }
  Value* Top() { return values_.size() > Base() ? &values_.back() : nullptr; }
  bool Mark() {
    if (marks_.size() >= max_marks_) return false;
    marks_.push_back(values_.size());
    return true;
  }
  // Ends the current frame: its items are [*start, size()); the caller reads them, then calls
  // Truncate(*start). False when there is no MARK.
  bool PopMark(size_t* start) {
    if (marks_.empty()) return false;
    *start = marks_.back();
    marks_.pop_back();
    return true;
  }
  const Value* At(size_t i) const { return values_.data() + i; }
  // The value just below position `start` when it is in the current frame (after PopMark:
  // the container that APPENDS/SETITEMS/ADDITEMS fill).
  Value* BelowFrame(size_t start) { return start > Base() ? &values_[start - 1] : nullptr; }
  size_t size() const { return values_.size(); }
  void Truncate(size_t n) { values_.resize(n); }
  void Clear() {
    values_.clear();
    marks_.clear();
  }
  template <typename Fn>
  void ForEach(Fn&& fn) {
    for (Value& v : values_) fn(v);
  }

 private:
  size_t Base() const { return marks_.empty() ? 0 : marks_.back(); }

  std::vector<Value> values_;
  std::vector<size_t> marks_;
  uint32_t max_values_;
  uint32_t max_marks_;
};

// Keys are dense in what picklers write (0, 1, 2, …), so they index a vector; hostile sparse
// keys go to a map. At most max_entries values are kept; a GET of a value that the limit
// dropped yields kUnknown, never a false "not found".
class Memo {
 public:
  explicit Memo(uint32_t max_entries) : max_entries_(max_entries) {}

  // Returns false when the value was not kept because of the limit.
  bool Put(uint64_t key, Value v) {
    if (key == dense_.size() && count_ < max_entries_ && key < max_entries_) {
      dense_.push_back(v);  // what picklers write: the next key
      ++count_;
      return true;
    }
    if (key < dense_.size()) {
      if (dense_[key].kind == Kind::kAbsent) ++count_;
      dense_[key] = v;
      return true;
    }
    if (auto it = sparse_.find(key); it != sparse_.end()) {
      it->second = v;
      return true;
    }
    if (count_ >= max_entries_) {
      dropped_ = true;
      ++count_;  // MEMOIZE numbering must still follow CPython's len(memo)
      return false;
    }
    ++count_;
    if (key < max_entries_ && key <= dense_.size() * 2 + 1024) {
      dense_.resize(key + 1);
      dense_[key] = v;
    } else {
      sparse_.emplace(key, v);
    }
    return true;
  }
  Value Get(uint64_t key) const {
    if (key < dense_.size() && dense_[key].kind != Kind::kAbsent) return dense_[key];
    if (auto it = sparse_.find(key); it != sparse_.end()) return it->second;
    return Value::Of(dropped_ ? Kind::kUnknown : Kind::kAbsent);
  }
  uint64_t size() const { return count_; }
  bool dropped() const { return dropped_; }
  void Clear() {
    dense_.clear();
    sparse_.clear();
    count_ = 0;
    dropped_ = false;
  }
  template <typename Fn>
  void ForEach(Fn&& fn) {
    for (Value& v : dense_) fn(v);
    for (auto& [k, v] : sparse_) fn(v);
  }

 private:
  BigArray<Value> dense_;
  std::unordered_map<uint64_t, Value> sparse_;
  uint64_t count_ = 0;
  uint32_t max_entries_;
  bool dropped_ = false;
};

}  // namespace aisec::formats::pickle
