// joblib before 0.10 kept each NumPy array of a dump in a file of its own beside the pickle
// (name.pkl_01.npy; name.pkl_01.npy.z when compressed), named by the 'filename' of an
// NDArrayWrapper or ZNDArrayWrapper state. joblib.load opens os.path.join(folder, filename) with
// numpy.load, which unpickles an object array: those files are part of what loading the pickle
// runs, so they are checked with it (or, when the same run checks them on their own, referred to
// them: see RunFiles), and a name that leads out of the folder is a finding.
#include <optional>
#include <set>

#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/pickle_report.h"
#include "core/strings.h"
#include "formats/model_format.h"
#include "formats/pickle/sniff.h"

namespace aisec::assess::model {
namespace {

// The file the wrapper names, or nullopt (with a finding) when it is outside the pickle's
// folder, lexically or through a symbolic link.
std::optional<source::SourceFile> Resolve(const ModelFile& file, const formats::pickle::ArrayFile& af,
                                          ModelReport& report) {
  Beside beside = ResolveBeside(file, af.name);
  if (beside.inside) return beside.file;
  AddFinding(report, "AISEC-MODEL-JOBLIB-ARRAY-PATH",
             {.detail = Snippet(af.name, 120),
              .offset = af.offset,
              .snippet = "filename: " + Snippet(af.name, 160) + " (outside the pickle's folder)",
              .properties = {{"aisec:pickle", std::to_string(af.pickle)}}});
  return std::nullopt;
}

// numpy.load decides by the first bytes: an .npy (object arrays hold a pickle) or a pickle.
void CheckArrayFile(const ModelFile& file, const source::SourceFile& array, const std::string& name,
                    ModelReport& report) {
  auto size = file.reader.Size(array);
  auto in = size.ok() ? file.reader.Open(array) : Result<std::unique_ptr<source::InputStream>>(size.error());
  if (!in.ok()) {
    report.warnings.push_back(Warning{Location{report.path},
                                      "array file '" + name + "' named by the pickle cannot be read: " +
                                          in.error().message,
                                      "model-security"});
    return;
  }
  source::InputStream& stream = **in;
  stream.Ensure(std::min<size_t>(4096, stream.capacity()));
  std::string head(stream.data(), std::min<size_t>(stream.available(), 4096));
  if (formats::SniffModelFormat(head, name) == formats::kFormatNumpy) {
    CheckNpyStream(stream, head, *size, name, report);
  } else if (formats::pickle::LooksLikePickle(head)) {
    ScanPickle(stream, PickleSource{.member = name}, report);
  }
}

}  // namespace

void CheckJoblibArrayFiles(ModelFile& file, const formats::pickle::Analysis& a, ModelReport& report) {
  std::set<std::string> seen;
  for (const auto& af : a.array_files) {
    if (!seen.insert(af.name).second) continue;
    auto array = Resolve(file, af, report);
    // A ZNDArrayWrapper file is zlib-compressed raw array bytes that the loader hands to
    // ndarray.__setstate__, never to the unpickler: only where it points matters.
    if (!array || af.compressed) continue;
    if (std::string path = NormalRunPath(array->rel_path); file.run_files && file.run_files->contains(path)) {
      // The run checks the array file on its own; its findings will name this pickle too.
      report.deferred.push_back(FileReference{
          .path = std::move(path),
          .offset = af.offset,
          .snippet = "loaded by NDArrayWrapper at offset " + std::to_string(af.offset) +
                     " as '" + Snippet(af.name, 160) + "'"});
      continue;
    }
    CheckArrayFile(file, *array, af.name, report);
  }
  if (!a.array_files.empty()) report.metadata["joblib_array_files"] = std::to_string(seen.size());
}

}  // namespace aisec::assess::model
