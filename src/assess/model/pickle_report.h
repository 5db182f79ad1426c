#pragma once
// Turns what the pickle machine saw into findings, with the decisions of
// data/pickle/globals.yaml. Shared by every check whose format carries pickles (plain pickle,
// PyTorch zip and legacy, joblib, NumPy object arrays).
#include <string>

#include "assess/model/model_check.h"
#include "formats/pickle/analysis.h"
#include "source/input_stream.h"

namespace aisec::assess::model {

struct PickleSource {
  std::string member;  // archive member holding the pickle; "" for the file itself
  // What a malformed stream means here: a plain pickle that breaks is merely malformed, but the
  // stream inside a container whose header promised a pickle is a broken header.
  const char* malformed_rule = "AISEC-MODEL-PICKLE-MALFORMED";
};

// Reports the imports, calls and stream problems of one analysed stream.
void ReportPickle(const formats::pickle::Analysis& analysis, const PickleSource& source,
                  ModelReport& report);

// Analyses `in` and reports it; returns the analysis for callers that need more (counts,
// where it ended).
formats::pickle::Analysis ScanPickle(source::InputStream& in, const PickleSource& source,
                                     ModelReport& report,
                                     const formats::pickle::Options& limits = {});

}  // namespace aisec::assess::model
