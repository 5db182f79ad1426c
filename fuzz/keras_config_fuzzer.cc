// libFuzzer target: the Keras model_config analysis.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "assess/model/keras_rules.h"
#include "core/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto json = aisec::ParseJson(input, "model_config");
  if (json.ok()) (void)aisec::assess::model::AnalyseKerasConfig(*json);
  return 0;
}
