// joblib's array wrappers. Since joblib 0.10 arrays are interleaved (joblib/numpy_pickle.py,
// NumpyArrayWrapper.read_array): after the BUILD of a NumpyArrayWrapper, the loader reads the
// array from the file itself, so the pickle stream resumes only after it. An object array is a nested pickle (protocol 2) at that point;
// any other array is raw bytes, count * itemsize of them, preceded by one padding-length byte
// and that many padding bytes when the wrapper has numpy_array_alignment_bytes set. Before
// 0.10, each array was a file of its own beside the pickle, named by the wrapper's state.
#include "formats/pickle/machine.h"

namespace aisec::formats::pickle {
namespace {

bool IsArrayWrapper(std::string_view callable) {
  return callable.ends_with("numpy_pickle.NumpyArrayWrapper");
}

// NDArrayWrapper and ZNDArrayWrapper, in joblib.numpy_pickle (joblib < 0.10, and its copy in
// sklearn.externals.joblib) or joblib.numpy_pickle_compat (where later versions keep them).
bool IsOldArrayWrapper(std::string_view callable) {
  return callable.ends_with(".numpy_pickle.NDArrayWrapper") ||
         callable.ends_with(".numpy_pickle.ZNDArrayWrapper") ||
         callable.ends_with(".numpy_pickle_compat.NDArrayWrapper") ||
         callable.ends_with(".numpy_pickle_compat.ZNDArrayWrapper");
}

// 'f8' -> 8, 'c16' -> 16, 'U10' -> 40; 0 when unknown.
uint64_t ItemSizeOfDescr(std::string_view descr) {
  if (descr.empty()) return 0;
  char kind = descr[0];
  uint64_t n = 0;
  for (char c : descr.substr(1)) {
    if (c < '0' || c > '9' || n > (1u << 30)) return 0;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (kind == 'M' || kind == 'm') return 8;
  return kind == 'U' ? n * 4 : n;
}

}  // namespace

std::string_view Machine::CallableOf(Value object) const {
  if (object.kind != Kind::kObject) return {};
  return out_.calls[heap_.ObjectCall(object.ref)].callable;
}

const Value* Machine::DictGet(Value dict, std::string_view key) const {
  if (dict.kind != Kind::kDict) return nullptr;
  const Value* items = heap_.Items(dict.ref);
  for (uint32_t i = 0; i + 1 < heap_.ItemCount(dict.ref); i += 2) {
    if (items[i].kind == Kind::kStr && !(items[i].flags & kTruncated) && heap_.Bytes(items[i].ref) == key) {
      return &items[i + 1];
    }
  }
  return nullptr;
}

std::optional<int64_t> Machine::IntOf(Value v) const {
  if (v.kind == Kind::kInt && !(v.flags & kBig)) return static_cast<int32_t>(v.ref);
  if (v.kind == Kind::kBool) return v.ref;
  return std::nullopt;
}

// The class an object was made of: the callable of NEWOBJ/REDUCE, or for protocols 0 and 1 the
// class handed to copyreg._reconstructor.
std::string Machine::ClassOf(Value object) const {
  std::string_view made_by = CallableOf(object);
  if (made_by != "copyreg._reconstructor" && made_by != "copy_reg._reconstructor") {
    return std::string(made_by);
  }
  Value args = heap_.Items(object.ref)[0];
  if (args.kind != Kind::kTuple || heap_.ItemCount(args.ref) == 0) return {};
  Value cls = heap_.Items(args.ref)[0];
  if (cls.kind != Kind::kGlobal) return {};
  const Import& imp = out_.imports[cls.ref];
  return imp.module + "." + imp.name;
}

// joblib < 0.10 (joblib/numpy_pickle.py, NDArrayWrapper.read and ZNDArrayWrapper.read): the
// state's 'filename' names a file in the pickle's folder that the loader opens.
void Machine::NoteArrayFile(Value object, bool compressed) {
  const Value* name = DictGet(heap_.Items(object.ref)[1], "filename");
  if (name == nullptr || name->kind != Kind::kStr || out_.array_files.size() >= kMaxArrayFiles) return;
  std::string_view text = heap_.Bytes(name->ref);
  if (name->flags & kTruncated) text = {};  // a name longer than we keep is suspicious as is
  out_.array_files.push_back(ArrayFile{.name = std::string(text),
                                       .compressed = compressed,
                                       .offset = op_offset_,
                                       .pickle = recorder_.pickle()});
}

bool Machine::AfterBuild(Value object) {
  if (object.kind != Kind::kObject) return true;
  std::string cls = ClassOf(object);
  if (IsOldArrayWrapper(cls)) {
    NoteArrayFile(object, cls.ends_with(".ZNDArrayWrapper"));
    return true;
  }
  if (!options_.joblib_arrays || !IsArrayWrapper(cls)) return true;
  Value state = heap_.Items(object.ref)[1];
  const Value* shape = DictGet(state, "shape");
  const Value* dtype = DictGet(state, "dtype");
  if (shape == nullptr || shape->kind != Kind::kTuple || dtype == nullptr || dtype->kind != Kind::kObject) {
    return Fail("joblib array wrapper without a readable shape and dtype");
  }
  uint64_t count = 1;
  for (uint32_t i = 0; i < heap_.ItemCount(shape->ref); ++i) {
    auto dim = IntOf(heap_.Items(shape->ref)[i]);
    if (!dim || *dim < 0 || __builtin_mul_overflow(count, static_cast<uint64_t>(*dim), &count)) {
      return Fail("joblib array shape is not a tuple of small non-negative integers");
    }
  }
  // numpy.dtype(descr, align, copy) then BUILD (version, byteorder, …, elsize, alignment, flags).
  Value dargs = heap_.Items(dtype->ref)[0];
  Value dstate = heap_.Items(dtype->ref)[1];
  if (dargs.kind != Kind::kTuple || heap_.ItemCount(dargs.ref) == 0 || heap_.Items(dargs.ref)[0].kind != Kind::kStr) {
    return Fail("joblib array dtype is not a numpy.dtype");
  }
  std::string_view descr = heap_.Bytes(heap_.Items(dargs.ref)[0].ref);
  uint64_t itemsize = ItemSizeOfDescr(descr);
  bool has_object = !descr.empty() && descr[0] == 'O';
  if (dstate.kind == Kind::kTuple && heap_.ItemCount(dstate.ref) >= 8) {
    const Value* ds = heap_.Items(dstate.ref);
    if (auto elsize = IntOf(ds[5]); elsize && *elsize >= 0) itemsize = static_cast<uint64_t>(*elsize);
    if (auto flags = IntOf(ds[7]); flags && (*flags & 1)) has_object = true;
  }
  if (has_object) {
    Machine nested(in_, options_, out_);  // pickle.load(file_handle): a fresh unpickler
    End end = nested.RunOne(recorder_.pickle());
    if (end == End::kEmpty) return Fail("truncated: joblib object array pickle is missing");
    return end == End::kStop;
  }
  uint64_t bytes = 0;
  if (itemsize == 0 || __builtin_mul_overflow(count, itemsize, &bytes)) {
    return Fail("joblib array dtype '" + std::string(descr) + "' has no usable item size");
  }
  const Value* align = DictGet(state, "numpy_array_alignment_bytes");
  if (align != nullptr && align->kind != Kind::kNone) {
    int padding = in_.ReadByte();
    if (padding < 0) return Fail("truncated: joblib array padding");
    bytes += static_cast<uint64_t>(padding);
  }
  if (in_.Skip(bytes) != bytes) return Fail("truncated: joblib array data runs past the end");
  return true;
}

}  // namespace aisec::formats::pickle
