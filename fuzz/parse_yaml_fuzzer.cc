// ParseYaml (src/core/parse.h): any input gives a node or an Error, never a crash, an exception
// or unbounded recursion.
#include <yaml-cpp/yaml.h>

#include "core/parse.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = aisec::ParseYaml(aisec::fuzz::AsText(data, size), "fuzz.yaml");
  if (doc.ok()) (void)doc->size();
  return 0;
}
