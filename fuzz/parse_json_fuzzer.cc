// ParseJson (src/core/parse.h) must turn any input into a value or an Error, never a crash or
// an exception, and must refuse nesting beyond its limit.
#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = aisec::fuzz::AsText(data, size);
  auto doc = aisec::ParseJson(text, "fuzz.json");
  if (doc.ok()) {
    // Whatever parsed can be written back out.
    std::string out = doc->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    AISEC_FUZZ_CHECK(!out.empty());
  }
  return 0;
}
