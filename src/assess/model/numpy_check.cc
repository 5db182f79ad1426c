// NumPy .npy files. Object arrays are pickles (numpy.load(allow_pickle=True) runs them); other
// arrays must hold exactly the bytes their header announces.
#include <fmt/format.h>

#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/pickle_report.h"
#include "formats/model_format.h"
#include "formats/numpy/npy.h"
#include "formats/pickle/sniff.h"

namespace aisec::assess::model {

bool ClaimsNumpy(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatNumpy;
}

void CheckNpyStream(source::InputStream& in, std::string_view head, uint64_t size,
                    const std::string& member, ModelReport& report) {
  auto h = formats::numpy::ParseNpyHeader(head);
  if (!h.ok()) {
    AddFinding(report, "AISEC-MODEL-NUMPY-MALFORMED",
               {.detail = h.error().message, .offset = 0, .member = member, .snippet = h.error().message});
    return;
  }
  uint64_t start = in.Tell();
  if (h->has_object) {
    AddFinding(report, "AISEC-MODEL-NUMPY-OBJECT",
               {.detail = h->descr, .offset = h->data_offset, .member = member,
                .snippet = "dtype " + h->descr + ": the array data is a pickle"});
    in.Skip(h->data_offset);
    ScanPickle(in, PickleSource{.member = member}, report);
    return;
  }
  auto bytes = h->DataBytes();
  if (!bytes) return;
  uint64_t have = size > h->data_offset ? size - h->data_offset : 0;
  if (have < *bytes) {
    AddFinding(report, "AISEC-MODEL-NUMPY-MALFORMED",
               {.detail = "array data is truncated", .offset = h->data_offset, .member = member,
                .snippet = fmt::format("header announces {} bytes of data, the file holds {}", *bytes, have)});
  } else if (have > *bytes) {
    uint64_t tail = h->data_offset + *bytes;
    in.Skip(tail - (in.Tell() - start));
    in.Ensure(std::min<size_t>(4096, in.capacity()));
    std::string_view next(in.data(), std::min<size_t>(in.available(), 4096));
    bool pickle = formats::pickle::LooksLikePickle(next);
    AddFinding(report, "AISEC-MODEL-NUMPY-MALFORMED",
               {.detail = "data after the array", .severity = pickle ? Severity::kHigh : Severity::kMedium,
                .offset = tail, .member = member,
                .snippet = fmt::format("{} bytes after the array data{}", have - *bytes,
                                       pickle ? ", and they are a pickle" : "")});
    if (pickle) ScanPickle(in, PickleSource{.member = member}, report);
  }
}

void CheckNumpy(ModelFile& file, ModelReport& report) {
  auto in = OpenStream(file, report);
  if (!in) return;
  CheckNpyStream(*in, file.head, file.size, "", report);
  if (auto h = formats::numpy::ParseNpyHeader(file.head); h.ok()) {
    report.metadata["dtype"] = h->descr;
    std::string shape;
    for (uint64_t d : h->shape) shape += (shape.empty() ? "" : ",") + std::to_string(d);
    report.metadata["shape"] = "(" + shape + ")";
  }
}

}  // namespace aisec::assess::model
