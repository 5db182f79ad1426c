#pragma once
// The symbolic pickle machine behind Analyze() (analysis.h). It executes the opcode semantics of
// CPython's unpickler on symbolic values: where the real machine would import, it records an
// Import; where it would call, it records a Call and pushes a value standing for the result.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "formats/pickle/analysis.h"
#include "formats/pickle/heap.h"
#include "formats/pickle/recorder.h"
#include "formats/pickle/state.h"
#include "source/input_stream.h"

namespace aisec::formats::pickle {

class Machine {
 public:
  Machine(source::InputStream& in, const Options& options, Analysis& out);
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  enum class End { kStop, kEmpty, kError };
  // Runs one pickle up to its STOP. kEmpty: the stream had no byte left.
  End RunOne(uint32_t index);

 private:
  bool Step(uint8_t code);  // the common opcodes; the others go down the chain below
  bool StepData(uint8_t code);
  bool StepContainers(uint8_t code);
  bool StepObjects(uint8_t code);
  bool StepText(uint8_t code);
  bool SmallTuple(uint32_t n);
  bool AppendOne();
  bool SetOne();
  bool FillFrame(uint8_t code);

  // Reading arguments (inline: the hot path of every opcode).
  bool Arg(size_t n, const char** p) {
    if (!in_.Ensure(n)) [[unlikely]] return Truncated();
    *p = in_.data();
    in_.Advance(n);
    return true;
  }
  bool Truncated();
  bool ReadLine(std::string* line);
  bool PushBytes(Kind kind, uint64_t len, uint8_t flags);
  bool PushLong(uint64_t len);

  // Stack helpers that fail like CPython does.
  bool Push(Value v) { return stack_.Push(v) || Limit("stack depth"); }
  bool Pop(Value* v) { return stack_.Pop(v) || Fail("unpickling stack underflow"); }
  bool Top(Value** v) {
    *v = stack_.Top();
    return *v != nullptr || Fail("unpickling stack underflow");
  }
  bool PopMark(size_t* start);

  bool Global(ImportOp op);
  bool StackGlobal();
  bool Ext(int64_t code);
  bool CallFrame(CallOp op, size_t start, Value callable, bool callable_in_frame);
  bool AfterBuild(Value object);  // joblib.cc
  std::string ClassOf(Value object) const;
  void NoteArrayFile(Value object, bool compressed);
  // Memo access (inline: opcode-dense pickles memoise most values).
  bool Memoize(uint64_t key) {
    Value* top;
    if (!Top(&top)) return false;
    if (!memo_.Put(key, *top)) [[unlikely]] recorder_.NoteLimit("memo entries");
    return true;
  }
  bool Get(uint64_t key) {
    Value v = memo_.Get(key);
    if (v.kind == Kind::kAbsent) [[unlikely]] return MissingMemo(key);
    return Push(v);
  }
  bool MissingMemo(uint64_t key);

  std::string_view CallableOf(Value object) const;
  bool Fail(std::string message);
  bool Limit(std::string_view what);
  void Collect();

  // Lookups in retained values, for format hooks.
  const Value* DictGet(Value dict, std::string_view key) const;
  std::optional<int64_t> IntOf(Value v) const;

  source::InputStream& in_;
  const Options& options_;
  Analysis& out_;
  Heap heap_;
  ValueStack stack_;
  Memo memo_;
  Recorder recorder_;
  uint64_t op_offset_ = 0;
  std::string scratch_;
};

}  // namespace aisec::formats::pickle
