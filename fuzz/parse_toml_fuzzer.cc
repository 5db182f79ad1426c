// ParseToml (src/core/parse.h): any input gives a table or an Error, never a crash or an
// exception.
#include <toml++/toml.h>

#include "core/parse.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = aisec::ParseToml(aisec::fuzz::AsText(data, size), "fuzz.toml");
  if (doc.ok()) (void)doc->size();
  return 0;
}
