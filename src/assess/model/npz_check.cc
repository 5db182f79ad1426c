// NumPy .npz: a zip of .npy members (numpy.savez / savez_compressed), each checked like a .npy
// file; members that are pickles or archives themselves are analysed as such.
#include <fmt/format.h>

#include "assess/model/archive_scan.h"
#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "formats/model_format.h"

namespace aisec::assess::model {

bool ClaimsNumpyNpz(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatNumpyNpz;
}

void CheckNumpyNpz(ModelFile& file, ModelReport& report) {
  auto source = OpenSource(file, report);
  if (!source) return;
  uint64_t arrays = 0;
  auto on_member = [&](const ArchiveVisit& v, ModelReport& r) {
    if (!v.head.starts_with("\x93NUMPY")) return;
    ++arrays;
    CheckNpyStream(*v.stream, v.head, v.entry->uncompressed_size, v.member, r);
  };
  ArchiveStats stats;
  ScanArchive(*source, "", 0, report, on_member, stats);
  report.metadata["members"] = std::to_string(stats.members);
  report.metadata["arrays"] = std::to_string(arrays);
}

}  // namespace aisec::assess::model
