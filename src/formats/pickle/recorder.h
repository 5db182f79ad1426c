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
  Recorder(Analysis& out, const Options& options, Heap& heap)
      : out_(out), options_(options), heap_(heap) {}
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  void set_pickle(uint32_t index) { pickle_ = index; }
  uint32_t pickle() const { return pickle_; }

  // The value a GLOBAL/STACK_GLOBAL/INST leaves on the stack (kUnknown past the import limit).
  Value AddImport(std::string_view module, std::string_view name, ImportOp op, uint64_t offset);
  // An import whose target cannot be known statically: STACK_GLOBAL on computed operands
  // (described by `operands`) or an extension code.
  Value UnresolvedImport(std::string operands, ImportOp op, int64_t ext_code, uint64_t offset);

  // Records a call of `callable` with `args` (and `kwargs` for NEWOBJ_EX) and returns the
  // object standing for its result (for BUILD, the object built, unchanged).
  Value AddCall(Value callable, CallOp op, uint64_t offset, Value args,
                Value kwargs = Value::Of(Kind::kAbsent));

  // A short, Python-like rendering of a value, at most about `budget` bytes.
  std::string Describe(Value v, size_t budget = 160) const;
  void NoteLimit(std::string_view what);

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  uint32_t* Slot(Value callable, CallOp op);
  uint32_t NewCall(Value callable, CallOp op, uint64_t offset, Value args, Value kwargs);
  void DescribeInto(Value v, int depth, size_t budget, std::string& out) const;
  void DescribeContainer(Value v, int depth, size_t budget, std::string& out) const;
  void DescribeItemsInto(const Value* items, size_t count, int depth, size_t budget,
                         std::string& out) const;
  std::string CallableName(Value callable, CallOp op) const;

  Analysis& out_;
  const Options& options_;
  Heap& heap_;
  uint32_t pickle_ = 0;
  std::unordered_map<std::string, uint32_t> import_by_name_;   // "module\nname"
  std::unordered_map<uint64_t, uint32_t> call_by_value_;       // kind, ref and op
  std::unordered_map<std::string, uint32_t> call_by_text_;     // other callables
};

}  // namespace aisec::formats::pickle
