#include "core/scan_result.h"

#include <algorithm>

namespace aisec {

const Component* ScanResult::FindComponent(const std::string& key) const {
  auto it = std::lower_bound(components.begin(), components.end(), key,
                             [](const Component& c, const std::string& k) { return c.Key() < k; });
  if (it != components.end() && it->Key() == key) return &*it;
  return nullptr;
}

}  // namespace aisec
