// GlobMatch (src/core/glob.h) with a fuzzed pattern and path ("pattern\0path"): no crash, and no
// input makes it slow (libFuzzer's -timeout catches exponential backtracking).
#include "core/glob.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [pattern, path] = aisec::fuzz::SplitAtNul(aisec::fuzz::AsText(data, size));
  (void)aisec::GlobMatch(pattern, path);
  return 0;
}
