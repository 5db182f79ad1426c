#pragma once
// Small helpers shared by the fuzz targets.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace aisec::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits an input in two at the first NUL byte (or gives all of it to the first part): for
// targets that take two strings, such as a pattern and a path.
inline std::pair<std::string_view, std::string_view> SplitAtNul(std::string_view s) {
  size_t nul = s.find('\0');
  if (nul == std::string_view::npos) return {s, {}};
  return {s.substr(0, nul), s.substr(nul + 1)};
}

// Stops the fuzzer with a message when an invariant does not hold.
#define AISEC_FUZZ_CHECK(cond)                                                      \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      __builtin_printf("invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      __builtin_trap();                                                             \
    }                                                                               \
  } while (0)

}  // namespace aisec::fuzz
