#pragma once
// A structural problem a header parser found while still able to go on (overlapping offsets, an
// offset past the end, a duplicate key). Parsers report what they see; the security checks in
// src/assess/model/ decide the rule and the severity.
#include <cstdint>
#include <string>
#include <vector>

namespace aisec::formats {

struct Issue {
  std::string what;     // stable short id, e.g. "overlapping-offsets"
  std::string detail;   // for people
  uint64_t offset = 0;  // byte offset in the file where it shows
  std::string subject;  // tensor, key or field concerned, when there is one
};

using Issues = std::vector<Issue>;

}  // namespace aisec::formats
