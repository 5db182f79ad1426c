#pragma once
#include <cstdint>
#include <string>

namespace aisec {

// A place in a scanned file. `path` is relative to the scan root, with '/' separators.
// Lines and columns are 1-based; 0 means unknown.
struct Location {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;

  // "path:line:column", omitting what is unknown.
  std::string ToString() const;
  bool operator==(const Location&) const = default;
};

}  // namespace aisec
