// The legacy torch.save layout (formats/torch/legacy.h): five pickles, then raw storages. The
// first pickle must be the literal magic number: torch.load executes it before comparing.
#include <fmt/format.h>

#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/pickle_report.h"
#include "formats/model_format.h"
#include "formats/torch/legacy.h"

namespace aisec::assess::model {

bool ClaimsPytorchLegacy(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatPytorchLegacy;
}

void CheckPytorchLegacy(ModelFile& file, ModelReport& report) {
  auto in = OpenStream(file, report);
  if (!in) return;
  formats::pickle::Options options;
  options.max_pickles = formats::torch::kLegacyPickles;
  auto a = ScanPickle(*in, PickleSource{.malformed_rule = "AISEC-MODEL-PYTORCH-MALFORMED"}, report, options);
  if (!formats::torch::LiteralMagicEnd(file.head)) {
    AddFinding(report, "AISEC-MODEL-PYTORCH-MALFORMED",
               {.detail = "the magic number is computed, not literal",
                .technique = "code-execution",
                .offset = 0,
                .snippet = "first pickle is not the literal magic number 0x1950a86a20f9469cfc6c; torch.load runs it before checking"});
  }
  if (!a.error && a.pickles < formats::torch::kLegacyPickles) {
    AddFinding(report, "AISEC-MODEL-PYTORCH-MALFORMED",
               {.detail = fmt::format("{} of {} pickles", a.pickles, formats::torch::kLegacyPickles),
                .offset = a.end_offset,
                .snippet = "the file ends before the storage keys"});
  }
  report.metadata["pickles"] = std::to_string(a.pickles);
  report.metadata["storage_bytes"] = std::to_string(file.size > a.end_offset ? file.size - a.end_offset : 0);
  AddFinding(report, "AISEC-MODEL-PICKLE-FORMAT",
             {.detail = "legacy PyTorch checkpoint",
              .snippet = fmt::format("{} pickles, storages from offset {}", a.pickles, a.end_offset),
              .method = EvidenceMethod::kMagicBytes});
}

}  // namespace aisec::assess::model
