// The protocol-0 opcodes, whose arguments are text lines (INT, LONG, FLOAT, STRING, UNICODE,
// PERSID, GET, PUT), and the opcode bytes no protocol defines.
#include "formats/pickle/machine.h"
#include "formats/pickle/opcodes.h"
#include "formats/pickle/text.h"

namespace aisec::formats::pickle {
// Protocol 0: arguments are text lines.
bool Machine::StepText(uint8_t code) {
  std::string& line = scratch_;
  switch (code) {
    case op::kInt:
    case op::kLong: {
      if (!ReadLine(&line)) return false;
      if (code == op::kInt && (line == "00" || line == "01")) {
        return Push(Value::Of(Kind::kBool, line == "01" ? 1 : 0));
      }
      std::string_view text = line;
      if (code == op::kLong && text.ends_with('L')) text.remove_suffix(1);
      auto v = ParseTextInt(text, true);
      if (!v) return Fail("invalid " + std::string(OpcodeName(code)) + " argument");
      return Push(Value::Int(v->value, v->big));
    }
    case op::kFloat:
      if (!ReadLine(&line)) return false;
      if (!IsTextFloat(line)) return Fail("invalid FLOAT argument");
      return Push(Value::Of(Kind::kFloat));
    case op::kString:
    case op::kUnicode: {
      if (!ReadLine(&line)) return false;
      auto s = code == op::kString ? DecodeStringLiteral(line) : DecodeRawUnicodeEscape(line);
      if (!s) return Fail("invalid " + std::string(OpcodeName(code)) + " argument");
      size_t keep = std::min<size_t>(s->size(), options_.max_kept_string);
      uint8_t flags = keep < s->size() ? kTruncated : 0;
      return Push(Value::Of(Kind::kStr, heap_.AddBytes(std::string_view(*s).substr(0, keep), s->size()), flags));
    }
    case op::kPersId: {
      if (!ReadLine(&line)) return false;
      size_t keep = std::min<size_t>(line.size(), options_.max_kept_string);
      Value pid = Value::Of(Kind::kStr, heap_.AddBytes(std::string_view(line).substr(0, keep), line.size()));
      ++out_.persistent_ids;
      return Push(Value::Of(Kind::kPersistent, heap_.AddItems(&pid, 1)));
    }
    case op::kGet:
    case op::kPut: {
      if (!ReadLine(&line)) return false;
      auto v = ParseTextInt(line, false);
      if (!v || v->big || v->value < 0) return Fail("invalid " + std::string(OpcodeName(code)) + " argument");
      return code == op::kGet ? Get(static_cast<uint64_t>(v->value))
                              : Memoize(static_cast<uint64_t>(v->value));
    }
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      return Fail(std::string("invalid opcode 0x") + kHex[code >> 4] + kHex[code & 15]);
    }
  }
}


bool Machine::ReadLine(std::string* line) {
  line->clear();
  for (;;) {
    if (!in_.Ensure(1)) return Fail("truncated: the stream ends inside a text argument");
    std::string_view avail(in_.data(), in_.available());
    size_t nl = avail.find('\n');
    size_t take = nl == std::string_view::npos ? avail.size() : nl;
    if (line->size() + take > options_.max_line) return Limit("text argument length");
    line->append(avail.substr(0, take));
    if (nl != std::string_view::npos) {
      in_.Advance(nl + 1);
      return true;
    }
    in_.Advance(take);
  }
}

// Keeps a bounded prefix and skips the rest (tensor data is never read into memory).
}  // namespace aisec::formats::pickle
