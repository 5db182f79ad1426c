#pragma once
// Records what a pickle imports and calls into an Analysis, aggregated per distinct import and
// per distinct callable (a checkpoint with ten thousand tensors makes one call record for
// torch._utils._rebuild_tensor_v2, counted ten thousand times), and describes values for
// evidence ("os.system('curl … | sh')").
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "formats/pickle/analysis.h"
#include "formats/pickle/heap.h"

namespace aisec::formats::pickle {

class Recorder {
 public:
  Recorder(Analysis& out, const Limits& limits, const Heap& heap)
      : out_(out), limits_(limits), heap_(heap) {}
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  void set_pickle(uint32_t index) { pickle_ = index; }

  // The value a GLOBAL/STACK_GLOBAL/INST leaves on the stack (kUnknown past the import limit).
  Value AddImport(std::string_view module, std::string_view name, ImportOp op, uint64_t offset);
  // An import whose target cannot be known statically: STACK_GLOBAL on computed operands
  // (described by `operands`) or an extension code.
  Value UnresolvedImport(std::string operands, ImportOp op, int64_t ext_code, uint64_t offset);

  // Records a call of `callable` and returns the value standing for its result. `describe_args`
  // is called only when the call is new (aggregated calls keep their first arguments).
  template <typename DescribeArgs>
  Value AddCall(Value callable, CallOp op, uint64_t offset, DescribeArgs&& describe_args) {
    uint32_t* slot = Slot(callable, op);
    if (slot != nullptr && *slot != kNone) {
      ++out_.calls[*slot].count;
      return Value::Of(Kind::kObject, *slot);
    }
    if (out_.calls.size() >= limits_.max_calls) {
      NoteLimit("distinct calls");
      return Value::Of(Kind::kUnknown);
    }
    uint32_t index = NewCall(callable, op, offset, describe_args());
    if (slot != nullptr) *slot = index;
    return Value::Of(Kind::kObject, index);
  }

  // A short, Python-like rendering of a value, at most about `budget` bytes.
  std::string Describe(Value v, size_t budget = 160) const;
  // The items of a MARK frame or tuple, rendered as a tuple.
  std::string DescribeItems(const Value* items, size_t count, size_t budget = 160) const;
  void NoteLimit(std::string_view what);

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  uint32_t* Slot(Value callable, CallOp op);
  uint32_t NewCall(Value callable, CallOp op, uint64_t offset, std::string args);
  void DescribeInto(Value v, int depth, size_t budget, std::string& out) const;
  void DescribeItemsInto(const Value* items, size_t count, int depth, size_t budget,
                         std::string& out) const;
  std::string CallableName(Value callable, CallOp op) const;

  Analysis& out_;
  const Limits& limits_;
  const Heap& heap_;
  uint32_t pickle_ = 0;
  std::unordered_map<std::string, uint32_t> import_by_name_;   // "module\nname"
  std::unordered_map<uint64_t, uint32_t> call_by_value_;       // kind, ref and op
  std::unordered_map<std::string, uint32_t> call_by_text_;     // other callables
};

}  // namespace aisec::formats::pickle
