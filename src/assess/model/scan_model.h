#pragma once
// Runs the model-file check that claims a file and fills its ModelReport: the format, the
// findings, the warnings and a streamed SHA-256 digest. Used by the model-security assessor
// (`aisec scan`) and by `aisec models`.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "assess/model/model_check.h"
#include "source/file_reader.h"
#include "source/source_file.h"

namespace aisec::assess::model {

inline constexpr size_t kModelHeadBytes = 4096;

struct ScanModelOptions {
  // Files larger than this get no digest (a sparse 20 GB safetensors file stays header-only).
  uint64_t digest_limit = 4ull << 30;
  // A digest the inventory already computed; the file is not hashed again.
  std::string known_sha256;
  // The other files of the run; see RunFiles. Not owned; must outlive the call.
  const RunFiles* run_files = nullptr;
};

// The first check of the registry that claims a file with this head and basename, or nullptr.
const ModelCheck* FindModelCheck(std::string_view head, std::string_view basename);

// Never fails: an unreadable file or an unknown format gives a report with warnings and an empty
// format. Thread-safe (each call uses its own streams).
ModelReport ScanModelFile(const source::SourceFile& file, source::FileReader& reader,
                          const ScanModelOptions& options = {});

// After every file of a run was checked: the findings of a file that another model named (and
// left to it, ModelReport::deferred) also carry that model, as a second evidence location and
// the property aisec:referenced-by. A reference to a file without a report is ignored.
void LinkDeferredFiles(std::span<ModelReport> reports);

}  // namespace aisec::assess::model
