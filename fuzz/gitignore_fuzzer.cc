// The .gitignore parser and matcher (src/source/ignore.h): a fuzzed ignore file, then fuzzed
// paths ("ignore file\0path\0path…") asked of it as files and as folders.
#include "fuzz_input.h"
#include "source/ignore.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [text, paths] = aisec::fuzz::SplitAtNul(aisec::fuzz::AsText(data, size));
  aisec::source::IgnoreStack stack;
  stack.Push(aisec::source::ParseIgnoreFile(text, ""));
  stack.Push(aisec::source::ParseIgnoreFile(text, "sub/dir"));
  for (int i = 0; i < 16 && !paths.empty(); ++i) {
    auto [path, rest] = aisec::fuzz::SplitAtNul(paths);
    (void)stack.Ignored(path, false);
    (void)stack.Ignored(path, true);
    paths = rest;
  }
  return 0;
}
