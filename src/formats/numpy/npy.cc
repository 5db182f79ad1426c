#include "formats/numpy/npy.h"

#include <cctype>

namespace aisec::formats::numpy {
namespace {

// A Python literal as the header writes it: strings, integers, booleans, tuples, lists, dicts.
struct Lit {
  enum Kind { kStr, kInt, kBool, kNone, kSeq, kDict } kind = kNone;
  std::string str;
  uint64_t num = 0;
  std::vector<Lit> items;  // kSeq items; kDict keys and values alternating
};

class LiteralParser {
 public:
  explicit LiteralParser(std::string_view s) : s_(s) {}
  bool Parse(Lit& out, int depth = 0) {
    Space();
    if (depth > 16 || pos_ >= s_.size()) return false;
    char c = s_[pos_];
    if (c == '\'' || c == '"') return String(out);
    if (c == '(' || c == '[') return Seq(out, c == '(' ? ')' : ']', depth);
    if (c == '{') return Dict(out, depth);
    if (std::isdigit(static_cast<unsigned char>(c))) return Int(out);
    struct Word {
      std::string_view text;
      Lit::Kind kind;
      uint64_t value;
    };
    static constexpr Word kWords[] = {{"True", Lit::kBool, 1}, {"False", Lit::kBool, 0}, {"None", Lit::kNone, 0}};
    for (const Word& w : kWords) {
      if (s_.substr(pos_).starts_with(w.text)) {
        pos_ += w.text.size();
        out.kind = w.kind;
        out.num = w.value;
        return true;
      }
    }
    return false;
  }

 private:
  void Space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    Space();
    if (pos_ < s_.size() && s_[pos_] == c) return ++pos_, true;
    return false;
  }
  bool String(Lit& out) {
    char q = s_[pos_++];
    size_t end = s_.find(q, pos_);
    if (end == std::string_view::npos) return false;
    out.kind = Lit::kStr;
    out.str = std::string(s_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return true;
  }
  bool Int(Lit& out) {
    out.kind = Lit::kInt;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
      if (__builtin_mul_overflow(out.num, 10u, &out.num)) return false;
      out.num += static_cast<uint64_t>(s_[pos_++] - '0');
    }
    if (pos_ < s_.size() && s_[pos_] == 'L') ++pos_;  // Python 2 headers
    return true;
  }
  bool Seq(Lit& out, char close, int depth) {
    ++pos_;
    out.kind = Lit::kSeq;
    while (!Eat(close)) {
      Lit item;
      if (!Parse(item, depth + 1)) return false;
      out.items.push_back(std::move(item));
      if (!Eat(',') && !(Space(), pos_ < s_.size() && s_[pos_] == close)) return false;
    }
    return true;
  }
  bool Dict(Lit& out, int depth) {
    ++pos_;
    out.kind = Lit::kDict;
    while (!Eat('}')) {
      Lit key, value;
      if (!Parse(key, depth + 1) || !Eat(':') || !Parse(value, depth + 1)) return false;
      out.items.push_back(std::move(key));
      out.items.push_back(std::move(value));
      if (!Eat(',') && !(Space(), pos_ < s_.size() && s_[pos_] == '}')) return false;
    }
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// Item size of a simple type string ("<f4" -> 4, "<U10" -> 40); 0 when unknown.
uint64_t SimpleItemSize(std::string_view t, bool* object) {
  if (!t.empty() && (t[0] == '<' || t[0] == '>' || t[0] == '|' || t[0] == '=')) t.remove_prefix(1);
  if (t.empty()) return 0;
  char kind = t[0];
  if (kind == 'O') *object = true;
  uint64_t n = 0;
  for (size_t i = 1; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i) {
    n = n * 10 + static_cast<uint64_t>(t[i] - '0');
    if (n > (1ull << 40)) return 0;
  }
  if (kind == 'O') return 8;
  if (kind == 'M' || kind == 'm') return 8;
  if (kind == 'U') return n * 4;
  return n;
}

// Item size of a descr (string or list of fields), marking object fields.
uint64_t ItemSize(const Lit& d, bool* object, int depth = 0) {
  if (d.kind == Lit::kStr) return SimpleItemSize(d.str, object);
  if (d.kind != Lit::kSeq || depth > 8) return 0;
  uint64_t total = 0;
  for (const Lit& field : d.items) {
    if (field.kind != Lit::kSeq || field.items.size() < 2) return 0;
    uint64_t size = ItemSize(field.items[1], object, depth + 1);
    if (field.items.size() >= 3 && field.items[2].kind == Lit::kSeq) {
      for (const Lit& dim : field.items[2].items) size *= dim.num;
    }
    total += size;
  }
  return total;
}

}  // namespace

std::optional<uint64_t> NpyHeader::DataBytes() const {
  if (item_size == 0 || has_object) return std::nullopt;
  uint64_t n = item_size;
  for (uint64_t d : shape) {
    if (__builtin_mul_overflow(n, d, &n)) return std::nullopt;
  }
  return n;
}

Result<NpyHeader> ParseNpyHeader(std::string_view head) {
  if (!head.starts_with("\x93NUMPY") || head.size() < 10) return Status::Parse("not a .npy header");
  NpyHeader h;
  h.major = static_cast<uint8_t>(head[6]);
  h.minor = static_cast<uint8_t>(head[7]);
  if (h.major < 1 || h.major > 3) return Status::Parse("unknown .npy version " + std::to_string(h.major));
  size_t len_size = h.major == 1 ? 2 : 4;
  if (head.size() < 8 + len_size) return Status::Parse("truncated .npy header");
  uint64_t len = 0;
  for (size_t i = 0; i < len_size; ++i) len |= static_cast<uint64_t>(static_cast<uint8_t>(head[8 + i])) << (8 * i);
  if (len > kMaxHeader) return Status::Parse(".npy header length " + std::to_string(len) + " is over the limit");
  h.data_offset = 8 + len_size + len;
  if (h.data_offset > head.size()) return Status::Parse(".npy header runs past the end of the data");
  std::string_view text = head.substr(8 + len_size, len);
  Lit dict;
  LiteralParser parser(text);
  if (!parser.Parse(dict) || dict.kind != Lit::kDict) return Status::Parse(".npy header is not a dict literal");
  bool have_descr = false, have_shape = false;
  for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    const Lit& k = dict.items[i];
    const Lit& v = dict.items[i + 1];
    if (k.str == "descr") {
      have_descr = true;
      h.descr = v.kind == Lit::kStr ? v.str : std::string(text);
      h.item_size = ItemSize(v, &h.has_object);
      if (v.kind == Lit::kSeq && v.items.empty()) return Status::Parse(".npy descr is an empty list");
    } else if (k.str == "fortran_order") {
      h.fortran_order = v.kind == Lit::kBool && v.num;
    } else if (k.str == "shape") {
      if (v.kind != Lit::kSeq) return Status::Parse(".npy shape is not a tuple");
      for (const Lit& d : v.items) {
        if (d.kind != Lit::kInt) return Status::Parse(".npy shape holds a non-integer");
        h.shape.push_back(d.num);
      }
      have_shape = true;
    } else {
      return Status::Parse(".npy header has an unexpected key '" + k.str + "'");
    }
  }
  if (!have_descr || !have_shape) return Status::Parse(".npy header lacks descr or shape");
  return h;
}

}  // namespace aisec::formats::numpy
