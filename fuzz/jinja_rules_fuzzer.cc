// libFuzzer target: chat-template block extraction, de-obfuscation and rule matching.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "assess/model/jinja_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)aisec::assess::model::Deobfuscate(input);
  (void)aisec::assess::model::JinjaRules::Default().Scan(input);
  return 0;
}
