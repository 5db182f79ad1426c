#include "formats/safetensors/safetensors.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "core/strings.h"

namespace aisec::formats::safetensors {
namespace {

struct DtypeWidth {
  std::string_view name;
  unsigned bits;
};

// The dtypes of the safetensors specification and their element widths.
constexpr std::array<DtypeWidth, 20> kDtypes = {{
    {"BOOL", 8},     {"U8", 8},        {"I8", 8},        {"F8_E5M2", 8},  {"F8_E4M3", 8},
    {"F8_E8M0", 8},  {"I16", 16},      {"U16", 16},      {"F16", 16},     {"BF16", 16},
    {"I32", 32},     {"U32", 32},      {"F32", 32},      {"F64", 64},     {"I64", 64},
    {"U64", 64},     {"C64", 64},      {"F4", 4},        {"F6_E2M3", 6},  {"F6_E3M2", 6},
}};

void AddIssue(Header& h, std::string what, std::string detail, std::string subject = {}) {
  // Header problems are located at the start of the JSON text; the tensor name says the rest.
  h.issues.push_back(Issue{std::move(what), std::move(detail), 8, std::move(subject)});
}

// Reads one tensor entry; false (with an issue) when its fields are missing or mistyped.
bool ReadTensor(const std::string& name, const nlohmann::json& v, Header& h, Tensor* t) {
  auto bad = [&](const std::string& why) {
    AddIssue(h, "bad-tensor-entry", "tensor '" + Snippet(name, 80) + "': " + why, name);
    return false;
  };
  if (!v.is_object()) return bad("entry is not an object");
  auto dtype = v.find("dtype");
  auto shape = v.find("shape");
  auto offsets = v.find("data_offsets");
  if (dtype == v.end() || !dtype->is_string()) return bad("no string dtype");
  if (shape == v.end() || !shape->is_array()) return bad("no shape array");
  if (offsets == v.end() || !offsets->is_array() || offsets->size() != 2) {
    return bad("data_offsets is not a pair");
  }
  if (shape->size() > kMaxRank) return bad("rank " + std::to_string(shape->size()) + " is absurd");
  t->name = name;
  t->dtype = dtype->get<std::string>();
  for (const auto& d : *shape) {
    if (!d.is_number_unsigned()) return bad("shape holds a non-integer or negative dimension");
    t->shape.push_back(d.get<uint64_t>());
  }
  for (const auto& o : *offsets) {
    if (!o.is_number_unsigned()) return bad("data_offsets holds a non-integer or negative value");
  }
  t->begin = (*offsets)[0].get<uint64_t>();
  t->end = (*offsets)[1].get<uint64_t>();
  if (t->end < t->begin) return bad("data_offsets end before begin");
  return true;
}

// Checks dtype × shape against the byte range and adds the element count to the total.
void CheckSize(const Tensor& t, Header& h) {
  unsigned bits = DtypeBits(t.dtype);
  h.dtypes[t.dtype]++;
  uint64_t elements = 1;
  for (uint64_t d : t.shape) {
    if (__builtin_mul_overflow(elements, d, &elements)) {
      AddIssue(h, "shape-overflow", "tensor '" + Snippet(t.name, 80) + "': element count overflows",
               t.name);
      h.parameters_overflow = true;
      return;
    }
  }
  if (__builtin_add_overflow(h.parameters, elements, &h.parameters)) h.parameters_overflow = true;
  if (bits == 0) {
    AddIssue(h, "unknown-dtype", "tensor '" + Snippet(t.name, 80) + "': unknown dtype " +
                                     Snippet(t.dtype, 40), t.name);
    return;
  }
  uint64_t total_bits;
  uint64_t bytes = t.end - t.begin;
  if (__builtin_mul_overflow(elements, uint64_t{bits}, &total_bits) || total_bits % 8 != 0 ||
      total_bits / 8 != bytes) {
    AddIssue(h, "size-mismatch",
             "tensor '" + Snippet(t.name, 80) + "': " + t.dtype + " × " +
                 std::to_string(elements) + " elements does not fill " + std::to_string(bytes) +
                 " bytes",
             t.name);
  }
}

// Tensors must tile the data section exactly: no byte outside it, shared or left unused.
void CheckLayout(Header& h) {
  uint64_t data_size = h.file_size - h.data_start;
  std::vector<const Tensor*> order;
  for (const auto& t : h.tensors) order.push_back(&t);
  std::sort(order.begin(), order.end(), [](const Tensor* a, const Tensor* b) {
    return std::tie(a->begin, a->end) < std::tie(b->begin, b->end);
  });
  uint64_t covered = 0;
  for (const Tensor* t : order) {
    if (t->end > data_size) {
      AddIssue(h, "offsets-outside-data",
               "tensor '" + Snippet(t->name, 80) + "' ends at " + std::to_string(t->end) +
                   ", past the data section of " + std::to_string(data_size) + " bytes",
               t->name);
    }
    if (t->begin < covered) {
      AddIssue(h, "overlapping-offsets",
               "tensor '" + Snippet(t->name, 80) + "' starts at " + std::to_string(t->begin) +
                   ", inside bytes already used up to " + std::to_string(covered),
               t->name);
    } else if (t->begin > covered) {
      AddIssue(h, "gap-in-data",
               std::to_string(t->begin - covered) + " unused bytes before tensor '" +
                   Snippet(t->name, 80) + "'",
               t->name);
    }
    covered = std::max(covered, t->end);
  }
  if (covered < data_size) {
    AddIssue(h, "gap-in-data",
             std::to_string(data_size - covered) + " bytes after the last tensor are not described");
  }
}

void ReadMetadata(const nlohmann::json& v, Header& h) {
  if (!v.is_object()) {
    AddIssue(h, "non-string-metadata", "__metadata__ is not an object", "__metadata__");
    return;
  }
  for (const auto& [k, val] : v.items()) {
    if (val.is_string()) {
      h.metadata[k] = val.get<std::string>();
    } else {
      AddIssue(h, "non-string-metadata",
               "__metadata__ value '" + Snippet(k, 80) + "' is not a string", k);
    }
  }
}

}  // namespace

unsigned DtypeBits(std::string_view dtype) {
  for (const auto& d : kDtypes) {
    if (d.name == dtype) return d.bits;
  }
  return 0;
}

bool LooksLikeSafetensors(std::string_view head) {
  if (head.size() < 9) return false;
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<uint8_t>(head[i]);
  return n >= 2 && n <= kMaxHeaderBytes && head[8] == '{';
}

Header Parse(ByteSource& src) {
  Header h;
  h.file_size = src.size();
  auto fatal = [&](std::string what, std::string detail, uint64_t offset) {
    h.issues.push_back(Issue{std::move(what), std::move(detail), offset, {}});
    return h;
  };
  Cursor cur(src, 0, h.file_size, 64);
  if (!cur.U64(&h.header_size)) return fatal("truncated", "no header length: " + cur.error(), 0);
  if (h.header_size > kMaxHeaderBytes) {
    return fatal("oversized-header",
                 "header length " + std::to_string(h.header_size) + " exceeds the limit of " +
                     std::to_string(kMaxHeaderBytes),
                 0);
  }
  if (h.header_size > h.file_size - 8) {
    return fatal("header-length",
                 "header length " + std::to_string(h.header_size) + " runs past the end of the " +
                     std::to_string(h.file_size) + "-byte file",
                 0);
  }
  h.data_start = 8 + h.header_size;
  std::string text;
  if (!cur.Bytes(h.header_size, &text)) return fatal("truncated", cur.error(), cur.error_offset());
  std::vector<std::string> duplicates;
  auto json = ParseJson(text, "", &duplicates);
  if (!json.ok()) return fatal("invalid-json", "header: " + json.error().message, 8);
  if (!json->is_object()) return fatal("not-an-object", "header is not a JSON object", 8);
  if (json->size() > kMaxTensors) return fatal("too-many-tensors", "more than a million tensors", 8);
  for (const auto& d : duplicates) {
    AddIssue(h, "duplicate-key", "key '" + Snippet(d, 80) + "' appears more than once", d);
  }
  for (const auto& [name, v] : json->items()) {
    if (name == "__metadata__") {
      ReadMetadata(v, h);
      continue;
    }
    Tensor t;
    if (!ReadTensor(name, v, h, &t)) continue;
    CheckSize(t, h);
    h.tensors.push_back(std::move(t));
  }
  CheckLayout(h);
  h.complete = true;
  return h;
}

}  // namespace aisec::formats::safetensors
