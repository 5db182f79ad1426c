// libFuzzer target for the symbolic pickle machine (formats/pickle): any byte string must be
// analysed within the limits, without crashing or hanging, in both pickle and joblib modes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/pickle/analysis.h"
#include "formats/pickle/sniff.h"
#include "source/input_stream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  aisec::formats::pickle::Options options;
  options.max_stack = 1u << 12;
  options.max_memo = 1u << 12;
  options.max_marks = 1u << 10;
  for (bool joblib : {false, true}) {
    options.joblib_arrays = joblib;
    auto in = aisec::source::OpenMemory(bytes);
    aisec::formats::pickle::Analysis a = aisec::formats::pickle::Analyze(*in, options);
    if (a.end_offset > size) __builtin_trap();
  }
  aisec::formats::pickle::LooksLikePickle(bytes);
  return 0;
}
