// ParseYaml and ParseYamlAll (src/core/parse.h): any input gives nodes or an Error, never a
// crash, an exception or unbounded recursion.
#include <yaml-cpp/yaml.h>

#include "core/parse.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = aisec::fuzz::AsText(data, size);
  auto doc = aisec::ParseYaml(text, "fuzz.yaml");
  if (doc.ok()) (void)doc->size();
  auto docs = aisec::ParseYamlAll(text, "fuzz.yaml");
  if (docs.ok()) (void)docs->size();
  return 0;
}
