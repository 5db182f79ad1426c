// Package URLs (src/core/purl.h): parsing any text, printing what parsed, and building purls from
// arbitrary type/name/version strings.
#include "core/purl.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = aisec::fuzz::AsText(data, size);
  auto purl = aisec::Purl::Parse(text);
  if (purl.ok()) {
    std::string printed = purl->ToString();
    AISEC_FUZZ_CHECK(printed.starts_with("pkg:"));
  }
  auto [type, rest] = aisec::fuzz::SplitAtNul(text);
  auto [name, version] = aisec::fuzz::SplitAtNul(rest);
  (void)aisec::MakePurl(type, name, version);
  (void)aisec::NormalizePackageName(type, name);
  AISEC_FUZZ_CHECK(aisec::PercentDecode(aisec::PercentEncode(text)) == text);
  return 0;
}
