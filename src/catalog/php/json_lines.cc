#include "catalog/php/json_lines.h"

#include <vector>

namespace aisec::catalog {
namespace {

struct Frame {
  std::string pointer;
  bool array;
  size_t index = 0;
  std::string key;  // last key read in an object
};

}  // namespace

std::string JsonKeyLines::Member(std::string_view parent, std::string_view key) {
  std::string out(parent);
  out += '/';
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

JsonKeyLines::JsonKeyLines(std::string_view text, size_t max_keys) {
  std::vector<Frame> stack;
  uint32_t line = 1;
  bool expect_key = false;
  auto child_pointer = [&]() {
    if (stack.empty()) return std::string();
    const Frame& f = stack.back();
    return f.array ? f.pointer + '/' + std::to_string(f.index) : Member(f.pointer, f.key);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {
      uint32_t start_line = line;
      std::string s;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;  // escaped keys are rare: kept raw
        if (text[i] == '\n') ++line;
        s += text[i];
      }
      if (expect_key && !stack.empty()) {
        stack.back().key = s;
        if (lines_.size() < max_keys) lines_.emplace(Member(stack.back().pointer, s), start_line);
        expect_key = false;
      }
    } else if (c == '{' || c == '[') {
      std::string p = child_pointer();
      stack.push_back(Frame{std::move(p), c == '['});
      expect_key = c == '{';
    } else if ((c == '}' || c == ']') && !stack.empty()) {
      stack.pop_back();
    } else if (c == ',' && !stack.empty()) {
      if (stack.back().array) ++stack.back().index;
      expect_key = !stack.back().array;
    }
  }
}

uint32_t JsonKeyLines::Line(const std::string& pointer) const {
  auto it = lines_.find(pointer);
  return it == lines_.end() ? 0 : it->second;
}

}  // namespace aisec::catalog
