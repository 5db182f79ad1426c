// libFuzzer target: the Hugging Face config, tokenizer config, chat template and card parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/hf/hf_folder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)aisec::formats::hf::ParseConfig(input, "config.json");
  (void)aisec::formats::hf::ParseTokenizerConfig(input, "tokenizer_config.json");
  (void)aisec::formats::hf::ParseChatTemplateJson(input, "chat_template.json");
  (void)aisec::formats::hf::ParseCard(input, "README.md");
  return 0;
}
