#include "formats/pickle/machine.h"

#include <bit>
#include <cstring>

#include "core/strings.h"
#include "formats/pickle/opcodes.h"
#include "formats/pickle/text.h"

namespace aisec::formats::pickle {
namespace {

static_assert(std::endian::native == std::endian::little, "pickle integers are little-endian");

template <typename T>
T Le(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Kinds that can never be a str at run time: STACK_GLOBAL on them fails in CPython.
bool NeverStr(Kind k) {
  return k != Kind::kStr && k != Kind::kGlobal && k != Kind::kObject && k != Kind::kPersistent &&
         k != Kind::kUnknown;
}

}  // namespace

Machine::Machine(source::InputStream& in, const Options& options, Analysis& out)
    : in_(in),
      options_(options),
      out_(out),
      stack_(options.max_stack, options.max_marks),
      memo_(options.max_memo),
      recorder_(out, options, heap_) {}



// The opcodes ordinary pickles are made of, in one switch that RunOne's loop inlines: one
// indirect jump per opcode and no call (an opcode-dense pickle is ~3 opcodes per object).
[[gnu::always_inline]] inline bool Machine::Step(uint8_t code) {
  const char* p = nullptr;
  switch (code) {
    case op::kBinInt1: return Arg(1, &p) && Push(Value::Of(Kind::kInt, static_cast<uint8_t>(*p)));
    case op::kBinInt2: return Arg(2, &p) && Push(Value::Of(Kind::kInt, Le<uint16_t>(p)));
    case op::kBinInt: return Arg(4, &p) && Push(Value::Of(Kind::kInt, Le<uint32_t>(p)));
    case op::kBinFloat: return Arg(8, &p) && Push(Value::Of(Kind::kFloat));
    case op::kNone: return Push(Value::Of(Kind::kNone));
    case op::kNewTrue: return Push(Value::Of(Kind::kBool, 1));
    case op::kNewFalse: return Push(Value::Of(Kind::kBool, 0));
    case op::kShortBinUnicode:
      return Arg(1, &p) && PushBytes(Kind::kStr, static_cast<uint8_t>(*p), 0);
    case op::kBinUnicode: return Arg(4, &p) && PushBytes(Kind::kStr, Le<uint32_t>(p), 0);
    case op::kMemoize: return Memoize(memo_.size());
    case op::kBinPut: return Arg(1, &p) && Memoize(static_cast<uint8_t>(*p));
    case op::kLongBinPut: return Arg(4, &p) && Memoize(Le<uint32_t>(p));
    case op::kBinGet: return Arg(1, &p) && Get(static_cast<uint8_t>(*p));
    case op::kLongBinGet: return Arg(4, &p) && Get(Le<uint32_t>(p));
    case op::kMark: return stack_.Mark() || Limit("MARK nesting");
    case op::kEmptyTuple: return Push(Value::Of(Kind::kTuple, heap_.AddItems(nullptr, 0)));
    case op::kTuple1: return SmallTuple(1);
    case op::kTuple2: return SmallTuple(2);
    case op::kTuple3: return SmallTuple(3);
    case op::kEmptyList: return Push(Value::Of(Kind::kList, heap_.AddItems(nullptr, 0)));
    case op::kEmptyDict: return Push(Value::Of(Kind::kDict, heap_.AddItems(nullptr, 0)));
    case op::kAppend: return AppendOne();
    case op::kSetItem: return SetOne();
    case op::kAppends:
    case op::kSetItems:
    case op::kAddItems: return FillFrame(code);
    default: return StepData(code);
  }
}

Machine::End Machine::RunOne(uint32_t index) {
  stack_.Clear();
  memo_.Clear();
  heap_.Clear();
  recorder_.set_pickle(index);
  if (in_.AtEnd()) return End::kEmpty;
  uint64_t ops = 0;
  End end = End::kError;
  for (;;) {
    if ((ops & 1023) == 0 && heap_.WantsCollect(memo_.size() + stack_.size())) Collect();
    op_offset_ = in_.Tell();
    if (!in_.Ensure(1)) {
      Fail(in_.status().ok() ? "truncated: the stream ends before STOP"
                             : "read error: " + in_.status().message());
      break;
    }
    uint8_t code = static_cast<uint8_t>(*in_.data());
    in_.Advance(1);
    ++ops;
    if (code == op::kStop) {
      Value v;
      if (Pop(&v)) end = End::kStop;
      break;
    }
    if (!Step(code)) break;
  }
  out_.opcodes += ops;
  if (end == End::kError) out_.error_pickle = index;
  return end;
}

// Strings and integers in their rarer encodings.
bool Machine::StepData(uint8_t code) {
  const char* p = nullptr;
  switch (code) {
    case op::kShortBinString:
      return Arg(1, &p) && PushBytes(Kind::kStr, static_cast<uint8_t>(*p), 0);
    case op::kBinUnicode8: return Arg(8, &p) && PushBytes(Kind::kStr, Le<uint64_t>(p), 0);
    case op::kShortBinBytes:
      return Arg(1, &p) && PushBytes(Kind::kBytes, static_cast<uint8_t>(*p), 0);
    case op::kBinBytes: return Arg(4, &p) && PushBytes(Kind::kBytes, Le<uint32_t>(p), 0);
    case op::kBinBytes8: return Arg(8, &p) && PushBytes(Kind::kBytes, Le<uint64_t>(p), 0);
    case op::kByteArray8:
      return Arg(8, &p) && PushBytes(Kind::kBytes, Le<uint64_t>(p), kByteArray);
    case op::kBinString: {
      if (!Arg(4, &p)) return false;
      int32_t n = Le<int32_t>(p);
      if (n < 0) return Fail("BINSTRING has a negative length");
      return PushBytes(Kind::kStr, static_cast<uint64_t>(n), 0);
    }
    case op::kLong1: return Arg(1, &p) && PushLong(static_cast<uint8_t>(*p));
    case op::kLong4: {
      if (!Arg(4, &p)) return false;
      int32_t n = Le<int32_t>(p);
      if (n < 0) return Fail("LONG4 has a negative length");
      return PushLong(static_cast<uint64_t>(n));
    }
    default: return StepContainers(code);
  }
}

// TUPLE1, TUPLE2, TUPLE3.
bool Machine::SmallTuple(uint32_t n) {
  Value items[3];
  if (!stack_.PopN(n, items)) return Fail("stack underflow at TUPLE" + std::to_string(n));
  return Push(Value::Of(Kind::kTuple, heap_.AddItems(items, n)));
}

bool Machine::AppendOne() {
  Value a;
  Value* top;
  if (!Pop(&a) || !Top(&top)) return false;
  if (top->kind == Kind::kList) heap_.AppendItems(top->ref, &a, 1, kMaxContainerItems);
  return true;
}

bool Machine::SetOne() {
  Value kv[2];
  Value* top;
  if (!Pop(&kv[1]) || !Pop(&kv[0]) || !Top(&top)) return false;
  if (top->kind == Kind::kDict) heap_.AppendItems(top->ref, kv, 2, kMaxContainerItems);
  return true;
}

// APPENDS, SETITEMS, ADDITEMS: the items of the MARK frame go into the container below it.
bool Machine::FillFrame(uint8_t code) {
  size_t start;
  if (!PopMark(&start)) return false;
  uint32_t n = static_cast<uint32_t>(stack_.size() - start);
  if (code == op::kSetItems && (n & 1)) return Fail("odd number of items for SETITEMS");
  Value* top = stack_.BelowFrame(start);  // the container, under the items just framed
  if (top == nullptr) return Fail("unpickling stack underflow");
  Kind want = code == op::kAppends ? Kind::kList : code == op::kSetItems ? Kind::kDict : Kind::kSet;
  if (top->kind == want && want != Kind::kSet) {
    heap_.AppendItems(top->ref, stack_.At(start), n, kMaxContainerItems);
  }
  stack_.Truncate(start);
  return true;
}

bool Machine::StepContainers(uint8_t code) {
  size_t start;
  switch (code) {
    case op::kTuple: {
      if (!PopMark(&start)) return false;
      uint32_t n = static_cast<uint32_t>(stack_.size() - start);
      Value t = Value::Of(Kind::kTuple, heap_.AddItems(stack_.At(start), n));
      stack_.Truncate(start);
      return Push(t);
    }
    case op::kEmptySet: return Push(Value::Of(Kind::kSet));
    case op::kList:
    case op::kDict: {
      if (!PopMark(&start)) return false;
      uint32_t n = static_cast<uint32_t>(stack_.size() - start);
      if (code == op::kDict && (n & 1)) return Fail("odd number of items for DICT");
      Value c = Value::Of(code == op::kList ? Kind::kList : Kind::kDict, heap_.AddItems(nullptr, 0));
      heap_.AppendItems(c.ref, stack_.At(start), n, kMaxContainerItems);
      stack_.Truncate(start);
      return Push(c);
    }
    case op::kFrozenSet:
      if (!PopMark(&start)) return false;
      stack_.Truncate(start);
      return Push(Value::Of(Kind::kFrozenSet));
    case op::kPop: {
      Value a;
      if (stack_.Pop(&a)) return true;
      return PopMark(&start);  // CPython: POP on an empty frame discards the MARK
    }
    case op::kPopMark:
      if (!PopMark(&start)) return false;
      stack_.Truncate(start);
      return true;
    case op::kDup: {
      Value* top;
      if (!Top(&top)) return false;
      Value a = *top;
      return Push(a);
    }
    default: return StepObjects(code);
  }
}

// Imports, calls and everything else that reaches outside the data.
bool Machine::StepObjects(uint8_t code) {
  const char* p = nullptr;
  size_t start;
  Value args, cls, kwargs;
  Value* top;
  switch (code) {
    case op::kProto: {
      if (!Arg(1, &p)) return false;
      int v = static_cast<uint8_t>(*p);
      if (v > kHighestProtocol) return Fail("unsupported pickle protocol: " + std::to_string(v));
      out_.protocol = std::max(out_.protocol, v);
      return true;
    }
    case op::kFrame: return Arg(8, &p);
    case op::kGlobal: return Global(ImportOp::kGlobal);
    case op::kInst: return Global(ImportOp::kInst);
    case op::kStackGlobal: return StackGlobal();
    case op::kExt1: return Arg(1, &p) && Ext(static_cast<uint8_t>(*p));
    case op::kExt2: return Arg(2, &p) && Ext(Le<uint16_t>(p));
    case op::kExt4: return Arg(4, &p) && Ext(Le<int32_t>(p));
    case op::kReduce:
      if (!Pop(&args) || !Top(&top)) return false;
      *top = recorder_.AddCall(*top, CallOp::kReduce, op_offset_, args);
      return true;
    case op::kBuild:
      if (!Pop(&args) || !Top(&top)) return false;
      return AfterBuild(recorder_.AddCall(*top, CallOp::kBuild, op_offset_, args));
    case op::kNewObj:
      if (!Pop(&args) || !Pop(&cls)) return false;
      return Push(recorder_.AddCall(cls, CallOp::kNewObj, op_offset_, args));
    case op::kNewObjEx:
      if (!Pop(&kwargs) || !Pop(&args) || !Pop(&cls)) return false;
      return Push(recorder_.AddCall(cls, CallOp::kNewObjEx, op_offset_, args, kwargs));
    case op::kObj:
      if (!PopMark(&start)) return false;
      if (stack_.size() == start) return Fail("OBJ without a class");
      return CallFrame(CallOp::kObj, start, *stack_.At(start), true);
    case op::kBinPersId:
      if (!Pop(&args)) return false;
      ++out_.persistent_ids;
      return Push(Value::Of(Kind::kPersistent, heap_.AddItems(&args, 1)));
    case op::kNextBuffer: return Push(Value::Of(Kind::kBuffer));
    case op::kReadOnlyBuffer: return Top(&top);
    default: return StepText(code);
  }
}

bool Machine::PushBytes(Kind kind, uint64_t len, uint8_t flags) {
  size_t keep = static_cast<size_t>(std::min<uint64_t>(len, options_.max_kept_string));
  uint32_t node;
  if (keep <= in_.capacity()) {
    if (!in_.Ensure(keep)) return Fail("truncated: a string runs past the end of the stream");
    node = heap_.AddBytes(std::string_view(in_.data(), keep), len);
    in_.Advance(keep);
  } else {
    scratch_.resize(keep);
    if (in_.Read(scratch_.data(), keep) != keep) {
      return Fail("truncated: a string runs past the end of the stream");
    }
    node = heap_.AddBytes(scratch_, len);
  }
  if (len > keep) {
    if (in_.Skip(len - keep) != len - keep) {
      return Fail("truncated: a string runs past the end of the stream");
    }
    flags |= kTruncated;
  }
  return Push(Value::Of(kind, node, flags));
}

// LONG1/LONG4: a little-endian two's-complement integer of `len` bytes.
bool Machine::PushLong(uint64_t len) {
  if (len > 8) {
    if (in_.Skip(len) != len) return Fail("truncated: LONG runs past the end of the stream");
    return Push(Value::Int(0, true));
  }
  const char* p = nullptr;
  if (!Arg(static_cast<size_t>(len), &p)) return false;
  uint64_t u = 0;
  for (size_t i = 0; i < len; ++i) u |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
  if (len > 0 && len < 8 && (static_cast<uint8_t>(p[len - 1]) & 0x80)) u |= ~uint64_t{0} << (8 * len);
  return Push(Value::Int(static_cast<int64_t>(u), false));
}


bool Machine::Truncated() {
  return Fail(in_.status().ok() ? "truncated: the stream ends inside an opcode"
                                : "read error: " + in_.status().message());
}

bool Machine::PopMark(size_t* start) { return stack_.PopMark(start) || Fail("could not find MARK"); }

bool Machine::Global(ImportOp op) {
  std::string module, name;
  if (!ReadLine(&module) || !ReadLine(&name)) return false;
  if (!IsValidUtf8(module) || !IsValidUtf8(name)) return Fail("GLOBAL argument is not UTF-8");
  Value g = recorder_.AddImport(module, name, op, op_offset_);
  if (op == ImportOp::kGlobal) return Push(g);
  size_t start;  // INST: the class is imported before its arguments are taken
  return PopMark(&start) && CallFrame(CallOp::kInst, start, g, false);
}

bool Machine::StackGlobal() {
  Value name, module;
  if (!Pop(&name) || !Pop(&module)) return false;
  auto literal = [](Value v) { return v.kind == Kind::kStr && !(v.flags & kTruncated); };
  if (literal(module) && literal(name)) {
    return Push(recorder_.AddImport(heap_.Bytes(module.ref), heap_.Bytes(name.ref),
                                    ImportOp::kStackGlobal, op_offset_));
  }
  if (NeverStr(module.kind) || NeverStr(name.kind)) return Fail("STACK_GLOBAL requires str");
  std::string operands = recorder_.Describe(module) + ", " + recorder_.Describe(name);
  return Push(recorder_.UnresolvedImport(std::move(operands), ImportOp::kStackGlobal, 0, op_offset_));
}

bool Machine::Ext(int64_t code) {
  if (code <= 0) return Fail("EXT specifies code <= 0");
  return Push(recorder_.UnresolvedImport("", ImportOp::kExt, code, op_offset_));
}

// INST and OBJ: the items of the current MARK frame are the arguments.
bool Machine::CallFrame(CallOp op, size_t start, Value callable, bool callable_in_frame) {
  size_t first = start + (callable_in_frame ? 1 : 0);
  uint32_t n = static_cast<uint32_t>(stack_.size() - first);
  Value args = Value::Of(Kind::kTuple, heap_.AddItems(stack_.At(first), n));
  Value result = recorder_.AddCall(callable, op, op_offset_, args);
  stack_.Truncate(start);
  return Push(result);
}



bool Machine::MissingMemo(uint64_t key) {
  return Fail("memo value not found at index " + std::to_string(key));
}

bool Machine::Fail(std::string message) {
  if (!out_.error) {
    out_.error = true;
    out_.error_message = std::move(message);
    out_.error_offset = op_offset_;
  }
  return false;
}

bool Machine::Limit(std::string_view what) {
  if (!out_.error) out_.limit_stop = true;
  return Fail("limit reached: " + std::string(what) + "; the rest of the stream was not analysed");
}

void Machine::Collect() {
  heap_.Collect([&](auto&& fn) {
    stack_.ForEach(fn);
    memo_.ForEach(fn);
  });
}

Analysis Analyze(source::InputStream& in, const Options& options) {
  Analysis out;
  Machine machine(in, options, out);
  for (uint32_t index = 0; options.max_pickles == 0 || index < options.max_pickles; ++index) {
    if (index > 0) {
      if (in.AtEnd()) break;
      if (!IsOpcode(static_cast<uint8_t>(*in.data()))) {
        out.trailing_data = true;
        break;
      }
    }
    Machine::End end = machine.RunOne(index);
    if (end != Machine::End::kStop) break;
    ++out.pickles;
  }
  out.end_offset = in.Tell();
  return out;
}

}  // namespace aisec::formats::pickle
