// joblib.dump files: a pickle in which each NumPy array's bytes follow the BUILD of its
// NumpyArrayWrapper, raw or compressed as a whole (zlib, gzip, bz2, xz/lzma, lz4; and the old
// "ZF" zlib file of joblib < 0.10). The stream is decompressed as it is read, bounded.
#include <fmt/format.h>

#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/pickle_report.h"
#include "formats/compress/decompress.h"
#include "formats/model_format.h"

namespace aisec::assess::model {
namespace {

// joblib < 0.10: "ZF", then the data length in hex padded to 19 characters, then zlib.
constexpr size_t kZfileHeader = 2 + 19;

}  // namespace

bool ClaimsJoblib(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatJoblib;
}

void CheckJoblib(ModelFile& file, ModelReport& report) {
  std::unique_ptr<source::InputStream> in = OpenStream(file, report);
  if (!in) return;
  std::string compression = "none";
  std::string_view head = file.head;
  if (head.starts_with("ZF0x")) {
    in->Skip(kZfileHeader);
    head = head.substr(std::min(head.size(), kZfileHeader));
  }
  if (auto codec = formats::compress::SniffCodec(head)) {
    compression = std::string(formats::compress::CodecName(*codec));
    in = formats::compress::Decompress(*codec, std::move(in));
  }
  formats::pickle::Options options;
  options.joblib_arrays = true;
  auto a = ScanPickle(*in, PickleSource{}, report, options);
  if (!in->status().ok()) {
    bool bomb = in->status().code() == ErrorCode::kLimit;
    AddFinding(report, bomb ? "AISEC-MODEL-ARCHIVE-BOMB" : "AISEC-MODEL-COMPRESSION-MALFORMED",
               {.detail = in->status().message(),
                .offset = in->Tell(),
                .snippet = compression + " stream: " + in->status().message()});
  }
  CheckJoblibArrayFiles(file, a, report);
  report.metadata["compression"] = compression;
  report.metadata["pickles"] = std::to_string(a.pickles);
  AddFinding(report, "AISEC-MODEL-PICKLE-FORMAT",
             {.detail = "joblib",
              .snippet = fmt::format("joblib file, compression {}, {} opcodes", compression, a.opcodes),
              .method = EvidenceMethod::kMagicBytes});
}

}  // namespace aisec::assess::model
