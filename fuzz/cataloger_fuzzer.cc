// Runs one cataloger, named at build time (fuzz/CMakeLists.txt), over the input as the text of one
// file, in memory: the Context is built over the bytes. Whatever the cataloger reports must be
// well-formed: purls parse, relations name package keys, warnings are located.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "catalog/cataloger.h"
#include "core/glob.h"
#include "core/purl.h"
#include "fuzz_input.h"

namespace {

bool Claims(const aisec::catalog::Cataloger& c, std::string_view rel_path) {
  std::string_view base = rel_path.substr(rel_path.rfind('/') + 1);
  for (auto glob : c.globs) {
    if (aisec::GlobMatch(glob, base)) return true;
  }
  return c.claims_path && c.claims_path(rel_path);
}

// The cataloger named at build time; stops at once when it is missing or would not claim the file,
// so that a wrong line in fuzz/CMakeLists.txt cannot fuzz nothing quietly.
const aisec::catalog::Cataloger& Chosen() {
  for (const auto& c : aisec::catalog::Registry()) {
    if (c.name != AISEC_FUZZ_CATALOGER) continue;
    if (Claims(c, AISEC_FUZZ_FILE)) return c;
    std::fprintf(stderr, "cataloger %s does not claim %s\n", AISEC_FUZZ_CATALOGER, AISEC_FUZZ_FILE);
    std::abort();
  }
  std::fprintf(stderr, "no cataloger named %s in the registry\n", AISEC_FUZZ_CATALOGER);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const aisec::catalog::Cataloger& cataloger = Chosen();
  // A root that does not exist: anything the cataloger would read besides its input (includes)
  // is simply missing.
  aisec::source::SourceFile file{AISEC_FUZZ_FILE,
                                 std::filesystem::path("/nonexistent-aisec-fuzz") / AISEC_FUZZ_FILE};
  aisec::source::FileReader reader;
  aisec::catalog::Sink sink;
  aisec::catalog::Context ctx(file, reader, sink, std::string(aisec::fuzz::AsText(data, size)));
  cataloger.run(ctx);

  for (const auto& c : sink.components) {
    AISEC_FUZZ_CHECK(!c.name.empty());
    AISEC_FUZZ_CHECK(c.purl.empty() || aisec::Purl::Parse(c.purl).ok());
  }
  for (const auto& r : sink.relations) AISEC_FUZZ_CHECK(!r.from.empty() && !r.to.empty());
  for (const auto& w : sink.warnings) AISEC_FUZZ_CHECK(!w.location.path.empty());
  return 0;
}
