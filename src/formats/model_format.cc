#include "formats/model_format.h"

#include <string>

#include "core/strings.h"
#include "formats/compress/decompress.h"
#include "formats/pickle/sniff.h"
#include "formats/torch/legacy.h"
#include "formats/zip/zip_reader.h"

namespace aisec::formats {
namespace {

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  for (auto x : suffixes) {
    if (s.ends_with(x)) return true;
  }
  return false;
}

std::string_view SniffZip(std::string_view head, const std::string& name) {
  std::string first = ToLower(zip::FirstEntryName(head).value_or(""));
  std::string_view base = std::string_view(first).substr(first.rfind('/') + 1);
  if (name.ends_with(".keras") || base == "metadata.json" || base == "config.json" ||
      base == "model.weights.h5") {
    return kFormatKeras;
  }
  if (name.ends_with(".npz") || first.ends_with(".npy")) return kFormatNumpyNpz;
  if (first.ends_with(".pkl") || first.find("/code/") != std::string::npos ||
      base == "version" || first.find("/data/") != std::string::npos ||
      EndsWithAny(name, {".pt", ".pth", ".bin", ".ckpt", ".pkl", ".mar", ".ptl", ".model", ".tar"})) {
    return kFormatPytorchZip;
  }
  return "";
}

// joblib.dump(..., compress=…) names: x.joblib, x.pkl.z, x.pkl.gz, x.pkl.bz2, x.pkl.xz, …
bool JoblibName(const std::string& name) {
  if (EndsWithAny(name, {".joblib", ".jbl"})) return true;
  for (std::string_view c : {".z", ".gz", ".bz2", ".xz", ".lzma", ".lz4"}) {
    if (name.ends_with(c)) {
      std::string_view stem = std::string_view(name).substr(0, name.size() - c.size());
      return EndsWithAny(stem, {".pkl", ".pickle", ".joblib", ".jbl", ".sav", ".model"});
    }
  }
  return false;
}

}  // namespace

std::string_view SniffModelFormat(std::string_view head, std::string_view basename) {
  std::string name = ToLower(basename);
  if (head.starts_with("\x93NUMPY")) return kFormatNumpy;
  if (zip::LooksLikeZip(head)) return SniffZip(head, name);
  if (torch::LooksLikeLegacy(head)) return kFormatPytorchLegacy;
  if (JoblibName(name) && (compress::SniffCodec(head) || head.starts_with("ZF0x"))) return kFormatJoblib;
  if (pickle::LooksLikePickle(head)) return name.ends_with(".joblib") ? kFormatJoblib : kFormatPickle;
  return "";
}

}  // namespace aisec::formats
