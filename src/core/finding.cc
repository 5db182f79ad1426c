#include "core/finding.h"

#include <xxhash.h>

#include <fmt/format.h>

namespace aisec {

std::string Finding::Fingerprint(const std::string& rule_id, const std::string& component_ref,
                                 const std::string& path, const std::string& discriminator) {
  std::string material = rule_id + '\x1f' + component_ref + '\x1f' + path + '\x1f' + discriminator;
  XXH128_hash_t h = XXH3_128bits(material.data(), material.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace aisec
