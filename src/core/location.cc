#include "core/location.h"

namespace aisec {

std::string Location::ToString() const {
  std::string s = path;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

}  // namespace aisec
