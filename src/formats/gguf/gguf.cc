#include "formats/gguf/gguf.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <set>

#include "core/strings.h"
#include "formats/gguf/gguf_types.h"

namespace aisec::formats::gguf {
namespace {

constexpr std::array<std::string_view, 13> kTypeNames = {
    "uint8", "int8", "uint16", "int16", "uint32", "int32", "float32",
    "bool",  "string", "array", "uint64", "int64", "float64"};

// Bytes of a fixed-size value type; 0 for strings, arrays and unknown types.
uint64_t ScalarSize(uint32_t type) {
  switch (static_cast<ValueType>(type)) {
    case ValueType::kU8: case ValueType::kI8: case ValueType::kBool: return 1;
    case ValueType::kU16: case ValueType::kI16: return 2;
    case ValueType::kU32: case ValueType::kI32: case ValueType::kF32: return 4;
    case ValueType::kU64: case ValueType::kI64: case ValueType::kF64: return 8;
    default: return 0;
  }
}

bool IsTemplateKey(std::string_view key) {
  return key == "tokenizer.chat_template" || key.starts_with("tokenizer.chat_template.");
}

class Parser {
 public:
  Parser(ByteSource& src, File& f) : cur_(src, 0, src.size()), f_(f) {}

  void Run() {
    f_.file_size = cur_.end();
    if (!ReadHeader() || !ReadKvs() || !ReadTensorInfos()) return;
    f_.complete = true;
    Derive();
    ValidateTensors();
  }

 private:
  bool Fatal(std::string what, std::string detail, uint64_t offset) {
    f_.issues.push_back(Issue{std::move(what), std::move(detail), offset, {}});
    return false;
  }
  bool Truncated() {
    return Fatal("truncated", "file ends inside the header: " + cur_.error(), cur_.error_offset());
  }
  void Note(std::string what, std::string detail, uint64_t offset, std::string subject = {}) {
    f_.issues.push_back(Issue{std::move(what), std::move(detail), offset, std::move(subject)});
  }

  // Counts and lengths are 32-bit in version 1 and 64-bit later.
  bool ReadLength(uint64_t* n) {
    if (f_.version != 1) return cur_.U64(n);
    uint32_t v;
    if (!cur_.U32(&v)) return false;
    *n = v;
    return true;
  }

  bool ReadHeader() {
    std::string magic;
    if (!cur_.Bytes(4, &magic)) return Truncated();
    if (magic != "GGUF") return Fatal("bad-magic", "no GGUF magic", 0);
    if (!cur_.U32(&f_.version)) return Truncated();
    if ((f_.version & 0xFFFF) == 0 && (f_.version >> 24) != 0) {  // written big-endian
      f_.big_endian = true;
      f_.version = __builtin_bswap32(f_.version);
      cur_.set_big_endian(true);
    }
    if (f_.version < 1 || f_.version > 3) {
      return Fatal("unsupported-version", "GGUF version " + std::to_string(f_.version), 4);
    }
    if (f_.version == 1) Note("version-1", "GGUF version 1 (obsolete, 32-bit lengths)", 4);
    if (!ReadLength(&f_.tensor_count) || !ReadLength(&f_.kv_count)) return Truncated();
    // Every key/value takes at least 9 bytes and every tensor info at least 20.
    uint64_t room = cur_.remaining();
    if (f_.kv_count > room / 9 || f_.tensor_count > room / 20 || f_.tensor_count > kMaxTensors) {
      return Fatal("absurd-count",
                   std::to_string(f_.tensor_count) + " tensors and " +
                       std::to_string(f_.kv_count) + " keys cannot fit in " +
                       std::to_string(f_.file_size) + " bytes",
                   8);
    }
    return true;
  }

  // Reads a length-prefixed string, keeping at most `keep` bytes and skipping the rest.
  bool ReadString(uint64_t max, uint64_t keep, std::string* out, uint64_t* size) {
    uint64_t at = cur_.pos();
    uint64_t n;
    if (!ReadLength(&n)) return Truncated();
    if (n > cur_.remaining() || n > max) {
      return Fatal("absurd-length",
                   "string of " + std::to_string(n) + " bytes with " +
                       std::to_string(cur_.remaining()) + " left in the file",
                   at);
    }
    if (size) *size = n;
    uint64_t kept = std::min(n, keep);
    if (out ? !cur_.Bytes(kept, out) || !cur_.Skip(n - kept) : !cur_.Skip(n)) return Truncated();
    return true;
  }

  bool ReadScalar(uint32_t type, Kv* kv) {
    uint64_t raw;
    uint64_t size = ScalarSize(type);
    if (!cur_.UN(static_cast<unsigned>(size), &raw)) return Truncated();
    switch (static_cast<ValueType>(type)) {
      case ValueType::kI8: kv->value = int64_t{static_cast<int8_t>(raw)}; break;
      case ValueType::kI16: kv->value = int64_t{static_cast<int16_t>(raw)}; break;
      case ValueType::kI32: kv->value = int64_t{static_cast<int32_t>(raw)}; break;
      case ValueType::kI64: kv->value = static_cast<int64_t>(raw); break;
      case ValueType::kBool: kv->value = raw != 0; break;
      case ValueType::kF32: {
        float x;
        uint32_t bits = static_cast<uint32_t>(raw);
        std::memcpy(&x, &bits, 4);
        kv->value = double{x};
        break;
      }
      case ValueType::kF64: {
        double x;
        std::memcpy(&x, &raw, 8);
        kv->value = x;
        break;
      }
      default: kv->value = raw; break;
    }
    return true;
  }

  // Walks an array without keeping its elements; nested arrays recurse up to kMaxArrayDepth.
  bool SkipArray(uint32_t type, uint64_t count, int depth, uint64_t at) {
    if (depth > kMaxArrayDepth) return Fatal("too-deep", "arrays nested too deeply", at);
    if (uint64_t size = ScalarSize(type); size != 0) {
      if (count > cur_.remaining() / size) {
        return Fatal("absurd-count", std::to_string(count) + " array elements past the end", at);
      }
      return cur_.Skip(count * size) || Truncated();
    }
    if (type != static_cast<uint32_t>(ValueType::kString) &&
        type != static_cast<uint32_t>(ValueType::kArray)) {
      return Fatal("bad-value-type", "unknown array element type " + std::to_string(type), at);
    }
    uint64_t min = f_.version == 1 ? 4 : 8;
    if (count > cur_.remaining() / min || count > kMaxArrayCount) {
      return Fatal("absurd-count", std::to_string(count) + " array elements past the end", at);
    }
    for (uint64_t i = 0; i < count; ++i) {
      if (type == static_cast<uint32_t>(ValueType::kString)) {
        if (!ReadString(kMaxStringBytes, 0, nullptr, nullptr)) return false;
        continue;
      }
      uint32_t inner;
      uint64_t inner_count, inner_at = cur_.pos();
      if (!cur_.U32(&inner) || !ReadLength(&inner_count)) return Truncated();
      if (!SkipArray(inner, inner_count, depth + 1, inner_at)) return false;
    }
    return true;
  }

  bool ReadValue(Kv* kv) {
    uint64_t at = cur_.pos();
    if (kv->type == static_cast<uint32_t>(ValueType::kString)) {
      std::string s;
      bool tmpl = IsTemplateKey(kv->key);
      if (!ReadString(kMaxStringBytes, tmpl ? kMaxTemplateBytes : kMaxKept, &s, &kv->string_size)) {
        return false;
      }
      if (tmpl) {
        if (kv->string_size > s.size()) {
          Note("template-truncated", "chat template longer than the scanned limit", at, kv->key);
        }
        f_.chat_templates.push_back(ChatTemplate{kv->key, s, at});
      }
      kv->value = std::move(s);
      return true;
    }
    if (kv->type == static_cast<uint32_t>(ValueType::kArray)) {
      if (!cur_.U32(&kv->array_type) || !ReadLength(&kv->array_count)) return Truncated();
      return SkipArray(kv->array_type, kv->array_count, 1, at);
    }
    if (ScalarSize(kv->type) == 0) {
      return Fatal("bad-value-type", "unknown value type " + std::to_string(kv->type), at);
    }
    return ReadScalar(kv->type, kv);
  }

  bool ReadKvs() {
    std::set<std::string> seen;
    for (uint64_t i = 0; i < f_.kv_count; ++i) {
      Kv kv;
      kv.offset = cur_.pos();
      if (!ReadString(kMaxKeyBytes, kMaxKeyBytes, &kv.key, nullptr)) return false;
      if (!cur_.U32(&kv.type)) return Truncated();
      if (!ReadValue(&kv)) return false;
      if (!seen.insert(kv.key).second) {
        Note("duplicate-key", "key '" + Snippet(kv.key, 80) + "' appears more than once", kv.offset,
             kv.key);
      }
      f_.kvs.push_back(std::move(kv));
    }
    return true;
  }

  bool ReadTensorInfos() {
    for (uint64_t i = 0; i < f_.tensor_count; ++i) {
      TensorInfo t;
      t.info_offset = cur_.pos();
      if (!ReadString(kMaxKeyBytes, kMaxKeyBytes, &t.name, nullptr)) return false;
      uint32_t n_dims;
      if (!cur_.U32(&n_dims)) return Truncated();
      if (n_dims > kMaxDims) {
        Note("too-many-dims", "tensor '" + Snippet(t.name, 80) + "' has " +
                                  std::to_string(n_dims) + " dimensions", t.info_offset, t.name);
        if (n_dims > 64) return Fatal("absurd-count", "absurd dimension count", t.info_offset);
      }
      for (uint32_t d = 0; d < n_dims; ++d) {
        uint64_t dim;
        if (!ReadLength(&dim)) return Truncated();
        t.dims.push_back(dim);
      }
      if (!cur_.U32(&t.type) || !cur_.U64(&t.offset)) return Truncated();
      f_.tensors.push_back(std::move(t));
    }
    return true;
  }

  void Derive();
  void ValidateTensors();

  Cursor cur_;
  File& f_;
};

std::string StringValue(const File& f, std::string_view key) {
  const Kv* kv = f.Find(key);
  if (kv == nullptr) return {};
  if (const auto* s = std::get_if<std::string>(&kv->value)) return *s;
  return {};
}

void Parser::Derive() {
  f_.architecture = StringValue(f_, "general.architecture");
  f_.name = StringValue(f_, "general.name");
  f_.license = StringValue(f_, "general.license");
  f_.basename = StringValue(f_, "general.basename");
  if (const Kv* a = f_.Find("general.alignment")) {
    const uint64_t* v = std::get_if<uint64_t>(&a->value);
    if (v == nullptr || *v == 0 || (*v & (*v - 1)) != 0 || *v > (1u << 30)) {
      Note("bad-alignment", "general.alignment is not a power of two", a->offset);
    } else {
      f_.alignment = *v;
    }
  }
  uint64_t end = cur_.pos();
  f_.data_start = (end + f_.alignment - 1) / f_.alignment * f_.alignment;
  if (const Kv* ft = f_.Find("general.file_type")) {
    if (const uint64_t* v = std::get_if<uint64_t>(&ft->value)) {
      f_.quantization = Types::Default().FileType(*v);
    }
  }
}

void Parser::ValidateTensors() {
  const Types& types = Types::Default();
  std::map<uint32_t, uint64_t> bytes_by_type;
  std::set<std::string> names;
  std::vector<std::pair<uint64_t, uint64_t>> ranges;  // [begin, end) in the data section
  for (const auto& t : f_.tensors) {
    std::string label = "tensor '" + Snippet(t.name, 80) + "'";
    if (!names.insert(t.name).second) {
      Note("duplicate-tensor", label + " appears more than once", t.info_offset, t.name);
    }
    uint64_t elements = 1;
    bool overflow = false;
    for (uint64_t d : t.dims) overflow = overflow || __builtin_mul_overflow(elements, d, &elements);
    if (overflow) {
      f_.parameters_overflow = true;
      Note("shape-overflow", label + ": element count overflows", t.info_offset, t.name);
      continue;
    }
    if (__builtin_add_overflow(f_.parameters, elements, &f_.parameters)) f_.parameters_overflow = true;
    if (t.offset % f_.alignment != 0) {
      Note("misaligned-tensor", label + " offset " + std::to_string(t.offset) +
                                    " is not a multiple of " + std::to_string(f_.alignment),
           t.info_offset, t.name);
    }
    const TensorType* tt = types.Tensor(t.type);
    if (tt == nullptr) {
      Note("unknown-tensor-type", label + " has unknown ggml type " + std::to_string(t.type),
           t.info_offset, t.name);
      continue;
    }
    if (elements % tt->block != 0) {
      Note("bad-shape", label + " is not a whole number of " + tt->name + " blocks", t.info_offset,
           t.name);
      continue;
    }
    uint64_t size = elements / tt->block * tt->bytes;
    bytes_by_type[t.type] += size;
    uint64_t begin, end;
    if (__builtin_add_overflow(f_.data_start, t.offset, &begin) ||
        __builtin_add_overflow(begin, size, &end) || end > f_.file_size) {
      Note("tensor-out-of-bounds", label + " data runs past the end of the file", t.info_offset,
           t.name);
      continue;
    }
    ranges.emplace_back(t.offset, t.offset + size);
  }
  std::sort(ranges.begin(), ranges.end());
  for (size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].first < ranges[i - 1].second) {
      Note("overlapping-tensors", "tensor data ranges overlap at data offset " +
                                      std::to_string(ranges[i].first), f_.data_start + ranges[i].first);
      break;
    }
  }
  if (f_.quantization.empty() && !bytes_by_type.empty()) {
    auto top = std::max_element(bytes_by_type.begin(), bytes_by_type.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; });
    f_.quantization = types.Tensor(top->first)->name;
  }
}

}  // namespace

std::string_view ValueTypeName(uint32_t type) {
  return type < kTypeNames.size() ? kTypeNames[type] : std::string_view("unknown");
}

const Kv* File::Find(std::string_view key) const {
  for (const auto& kv : kvs) {
    if (kv.key == key) return &kv;
  }
  return nullptr;
}

bool LooksLikeGguf(std::string_view head) { return head.starts_with("GGUF"); }

File Parse(ByteSource& src) {
  File f;
  Parser(src, f).Run();
  return f;
}

}  // namespace aisec::formats::gguf
