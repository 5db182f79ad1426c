#include "formats/pickle/recorder.h"

#include <algorithm>

namespace aisec::formats::pickle {
namespace {

constexpr int kMaxDepth = 4;
constexpr size_t kMaxItemsShown = 6;

// Python-like repr of kept bytes: printable ASCII as is, the rest as \xNN.
void Quote(std::string_view s, bool truncated, size_t budget, std::string& out) {
  out += '\'';
  size_t start = out.size();
  for (unsigned char c : s) {
    if (out.size() - start >= budget) {
      truncated = true;
      break;
    }
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (truncated) out += "...";
  out += '\'';
}

}  // namespace

Value Recorder::AddImport(std::string_view module, std::string_view name, ImportOp op,
                       uint64_t offset) {
  std::string key;
  key.reserve(module.size() + name.size() + 1);
  key.append(module).append(1, '\n').append(name);
  auto it = import_by_name_.find(key);
  if (it != import_by_name_.end()) {
    ++out_.imports[it->second].count;
    return Value::Of(Kind::kGlobal, it->second);
  }
  if (out_.imports.size() >= options_.max_imports) {
    NoteLimit("distinct imports");
    return Value::Of(Kind::kUnknown);
  }
  uint32_t index = static_cast<uint32_t>(out_.imports.size());
  out_.imports.push_back(Import{.module = std::string(module),
                                .name = std::string(name),
                                .op = op,
                                .offset = offset,
                                .count = 1,
                                .pickle = pickle_});
  import_by_name_.emplace(std::move(key), index);
  return Value::Of(Kind::kGlobal, index);
}

Value Recorder::UnresolvedImport(std::string operands, ImportOp op, int64_t ext_code,
                                 uint64_t offset) {
  if (out_.imports.size() >= options_.max_imports) {
    NoteLimit("distinct imports");
    return Value::Of(Kind::kUnknown);
  }
  uint32_t index = static_cast<uint32_t>(out_.imports.size());
  out_.imports.push_back(Import{.op = op,
                                .resolved = false,
                                .ext_code = ext_code,
                                .offset = offset,
                                .count = 1,
                                .pickle = pickle_,
                                .operands = std::move(operands)});
  return Value::Of(Kind::kGlobal, index);
}

void Recorder::NoteLimit(std::string_view what) {
  std::string note = "limit reached: " + std::string(what);
  if (std::find(out_.limits_hit.begin(), out_.limits_hit.end(), note) == out_.limits_hit.end()) {
    out_.limits_hit.push_back(std::move(note));
  }
}

Value Recorder::AddCall(Value callable, CallOp op, uint64_t offset, Value args, Value kwargs) {
  uint32_t* slot = Slot(callable, op);
  uint32_t index;
  if (slot != nullptr && *slot != kNone) {
    index = *slot;
    ++out_.calls[index].count;
  } else if (out_.calls.size() >= options_.max_calls) {
    NoteLimit("distinct calls");
    return op == CallOp::kBuild ? callable : Value::Of(Kind::kUnknown);
  } else {
    index = NewCall(callable, op, offset, args, kwargs);
    if (slot != nullptr) *slot = index;
  }
  if (op == CallOp::kBuild) {
    if (callable.kind == Kind::kObject) heap_.SetItem(callable.ref, 1, args);
    return callable;
  }
  return Value::Of(Kind::kObject, heap_.AddObject(index, args));
}

uint32_t* Recorder::Slot(Value callable, CallOp op) {
  if (callable.kind == Kind::kGlobal || callable.kind == Kind::kObject) {
    // Objects aggregate by the call that made them: every result of getattr(...) is one callable.
    uint32_t id = callable.kind == Kind::kObject ? heap_.ObjectCall(callable.ref) : callable.ref;
    uint64_t key = (static_cast<uint64_t>(callable.kind) << 48) |
                   (static_cast<uint64_t>(id) << 8) | static_cast<uint64_t>(op);
    return &call_by_value_.try_emplace(key, kNone).first->second;
  }
  std::string key = CallableName(callable, op);
  key += '\n';
  key += static_cast<char>('0' + static_cast<int>(op));
  return &call_by_text_.try_emplace(std::move(key), kNone).first->second;
}

std::string Recorder::CallableName(Value callable, CallOp op) const {
  std::string name = Describe(callable, 200);
  if (op == CallOp::kBuild) name += ".__setstate__";
  return name;
}

uint32_t Recorder::NewCall(Value callable, CallOp op, uint64_t offset, Value args, Value kwargs) {
  uint32_t index = static_cast<uint32_t>(out_.calls.size());
  std::string text = Describe(args);
  if (op == CallOp::kBuild) text = "(" + text + ",)";
  if (op == CallOp::kNewObjEx) text += ", **" + Describe(kwargs);
  pickle::Call call{.callable = CallableName(callable, op),
                    .op = op,
                    .offset = offset,
                    .count = 1,
                    .args = std::move(text),
                    .pickle = pickle_};
  if (callable.kind == Kind::kGlobal) call.import_index = callable.ref;
  call.indirect = callable.kind == Kind::kObject || callable.kind == Kind::kPersistent ||
                  callable.kind == Kind::kUnknown;
  out_.calls.push_back(std::move(call));
  return index;
}

std::string Recorder::Describe(Value v, size_t budget) const {
  std::string out;
  DescribeInto(v, 0, budget, out);
  return out;
}

void Recorder::DescribeItemsInto(const Value* items, size_t count, int depth, size_t budget,
                                 std::string& out) const {
  out += '(';
  size_t start = out.size();
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    if (i >= kMaxItemsShown || out.size() - start >= budget) {
      out += "...";
      break;
    }
    DescribeInto(items[i], depth + 1, budget / 2, out);
  }
  if (count == 1) out += ',';
  out += ')';
}

void Recorder::DescribeContainer(Value v, int depth, size_t budget, std::string& out) const {
  bool dict = v.kind == Kind::kDict;
  out += dict ? '{' : '[';
  const Value* items = heap_.Items(v.ref);
  uint32_t n = heap_.ItemCount(v.ref);
  size_t start = out.size();
  uint32_t step = dict ? 2 : 1;
  for (uint32_t i = 0; i + step <= n; i += step) {
    if (i > 0) out += ", ";
    if (depth >= kMaxDepth || i / step >= kMaxItemsShown || out.size() - start >= budget) {
      out += "...";
      break;
    }
    DescribeInto(items[i], depth + 1, budget / 2, out);
    if (dict) {
      out += ": ";
      DescribeInto(items[i + 1], depth + 1, budget / 2, out);
    }
  }
  if (heap_.TotalItems(v.ref) > n && !out.ends_with("...")) out += n ? ", ..." : "...";
  out += dict ? '}' : ']';
}

void Recorder::DescribeInto(Value v, int depth, size_t budget, std::string& out) const {
  switch (v.kind) {
    case Kind::kNone: out += "None"; return;
    case Kind::kBool: out += v.ref ? "True" : "False"; return;
    case Kind::kInt:
      out += (v.flags & kBig) ? std::string("<int>")
                              : std::to_string(static_cast<int32_t>(v.ref));
      return;
    case Kind::kFloat: out += "<float>"; return;
    case Kind::kStr:
    case Kind::kBytes: {
      std::string_view s = heap_.Bytes(v.ref);
      if (v.kind == Kind::kBytes) out += (v.flags & kByteArray) ? "bytearray(b" : "b";
      Quote(s, (v.flags & kTruncated) != 0, std::min<size_t>(budget, 96), out);
      if (v.flags & kByteArray) out += ')';
      if (v.flags & kTruncated) out += "<" + std::to_string(heap_.FullSize(v.ref)) + " bytes>";
      return;
    }
    case Kind::kTuple:
      if (depth >= kMaxDepth) {
        out += "(...)";
        return;
      }
      DescribeItemsInto(heap_.Items(v.ref), heap_.ItemCount(v.ref), depth, budget, out);
      return;
    case Kind::kList:
    case Kind::kDict:
      DescribeContainer(v, depth, budget, out);
      return;
    case Kind::kSet: out += "set(...)"; return;
    case Kind::kFrozenSet: out += "frozenset(...)"; return;
    case Kind::kGlobal: {
      const auto& imp = out_.imports[v.ref];
      if (!imp.resolved) {
        out += imp.op == ImportOp::kExt ? "<extension " + std::to_string(imp.ext_code) + ">"
                                        : "<import of " + imp.operands + ">";
      } else {
        out += imp.module + "." + imp.name;
      }
      return;
    }
    case Kind::kObject: {
      out += out_.calls[heap_.ObjectCall(v.ref)].callable;
      Value args = heap_.Items(v.ref)[0];
      if (depth >= kMaxDepth) {
        out += "(...)";
      } else if (args.kind == Kind::kTuple) {
        DescribeInto(args, depth + 1, budget / 2, out);
      } else {
        out += "(*";
        DescribeInto(args, depth + 1, budget / 2, out);
        out += ")";
      }
      return;
    }
    case Kind::kPersistent:
      out += "persistent_load(";
      if (depth < kMaxDepth && heap_.ItemCount(v.ref) == 1) {
        DescribeInto(heap_.Items(v.ref)[0], depth + 1, budget, out);
      }
      out += ')';
      return;
    case Kind::kBuffer: out += "<out-of-band buffer>"; return;
    case Kind::kAbsent:
    case Kind::kUnknown: out += "<unknown>"; return;
  }
}

}  // namespace aisec::formats::pickle
