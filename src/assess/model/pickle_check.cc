// A plain pickle stream, whatever the file is called (.pkl, .bin, .txt, .png…): recognised by
// content. Several pickles may be concatenated; all are read.
#include <fmt/format.h>

#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/pickle_report.h"
#include "formats/model_format.h"

namespace aisec::assess::model {
namespace {

bool UsesJoblibArrays(const formats::pickle::Analysis& a) {
  for (const auto& imp : a.imports) {
    if (imp.name == "NumpyArrayWrapper") return true;
  }
  return false;
}

}  // namespace

bool ClaimsPickle(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatPickle;
}

void CheckPickle(ModelFile& file, ModelReport& report) {
  auto in = OpenStream(file, report);
  if (!in) return;
  auto a = ScanPickle(*in, PickleSource{}, report);
  // joblib.load reads array bytes between opcodes where pickle.load reads opcodes: a file with
  // joblib array wrappers is analysed both ways, as either loader may be pointed at it.
  if (UsesJoblibArrays(a)) {
    if (auto again = OpenStream(file, report)) {
      formats::pickle::Options joblib;
      joblib.joblib_arrays = true;
      ScanPickle(*again, PickleSource{}, report, joblib);
    }
  }
  CheckJoblibArrayFiles(file, a, report);
  report.metadata["pickles"] = std::to_string(a.pickles);
  if (a.protocol >= 0) report.metadata["protocol"] = std::to_string(a.protocol);
  AddFinding(report, "AISEC-MODEL-PICKLE-FORMAT",
             {.detail = "pickle",
              .offset = 0,
              .snippet = fmt::format("{} pickle(s), protocol {}, {} opcodes", a.pickles,
                                     a.protocol < 0 ? 0 : a.protocol, a.opcodes),
              .method = EvidenceMethod::kMagicBytes});
}

}  // namespace aisec::assess::model
