// torch.save since PyTorch 1.6 (and TorchScript archives): a zip whose data.pkl holds the object
// with persistent ids naming the storages in data/. Every member that parses as a pickle is
// analysed whatever it is called (data.pkl, constants.pkl, a renamed or extra member), and the
// archive's structure is checked with our own reader.
#include <fmt/format.h>

#include "assess/model/archive_scan.h"
#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "formats/model_format.h"

namespace aisec::assess::model {

bool ClaimsPytorchZip(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatPytorchZip;
}

void CheckPytorchZip(ModelFile& file, ModelReport& report) {
  auto source = OpenSource(file, report);
  if (!source) return;
  ArchiveStats stats;
  ScanArchive(*source, "", 0, report, nullptr, stats);
  report.metadata["members"] = std::to_string(stats.members);
  report.metadata["pickles"] = std::to_string(stats.pickles);
  if (stats.code_files > 0) {
    report.metadata["torchscript"] = "true";
    AddFinding(report, "AISEC-MODEL-TORCHSCRIPT-CODE",
               {.detail = fmt::format("{} code file(s)", stats.code_files),
                .snippet = fmt::format("TorchScript archive with {} member(s) under code/", stats.code_files)});
  }
  AddFinding(report, "AISEC-MODEL-PICKLE-FORMAT",
             {.detail = "PyTorch zip checkpoint",
              .snippet = fmt::format("{} member(s), {} pickle(s)", stats.members, stats.pickles),
              .method = EvidenceMethod::kMagicBytes});
}

}  // namespace aisec::assess::model
