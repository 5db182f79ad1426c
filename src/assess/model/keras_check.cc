// Keras 3 .keras files: a zip of config.json (the model as serialized objects), metadata.json
// and model.weights.h5. The configuration decides what Keras imports and runs when loading; it is
// judged like the model_config of .h5 files (keras_rules.h), and the archive like every other.
#include <nlohmann/json.hpp>

#include "assess/model/archive_scan.h"
#include "assess/model/checks.h"
#include "assess/model/findings.h"
#include "assess/model/keras_rules.h"
#include "core/parse.h"
#include "formats/model_format.h"

namespace aisec::assess::model {
namespace {

constexpr uint64_t kMaxConfig = 64ull << 20;

}  // namespace

bool ClaimsKeras(std::string_view head, std::string_view basename) {
  return formats::SniffModelFormat(head, basename) == formats::kFormatKeras;
}

void CheckKeras(ModelFile& file, ModelReport& report) {
  auto source = OpenSource(file, report);
  if (!source) return;
  bool have_config = false;
  auto on_member = [&](const ArchiveVisit& v, ModelReport& r) {
    std::string_view base = std::string_view(v.entry->name).substr(v.entry->name.rfind('/') + 1);
    if (base != "config.json" && base != "metadata.json") return;
    if (v.entry->uncompressed_size > kMaxConfig) {
      AddFinding(r, "AISEC-MODEL-KERAS-MALFORMED", {.detail = "configuration too large", .member = v.member,
                                                     .snippet = "over the 64 MiB limit"});
      return;
    }
    std::string text(static_cast<size_t>(v.entry->uncompressed_size), '\0');
    text.resize(v.stream->Read(text.data(), text.size()));
    auto doc = ParseJson(text, report.path + "!" + v.entry->name);
    if (!doc.ok()) {
      AddFinding(r, "AISEC-MODEL-KERAS-MALFORMED", {.detail = doc.error().message, .member = v.member,
                                                     .snippet = doc.error().message});
      return;
    }
    if (base == "config.json" && v.member == v.entry->name) have_config = true;
    ReportKerasConfig(file, r, "KERAS", text, v.entry->data_offset);
  };
  ArchiveStats stats;
  ScanArchive(*source, "", 0, report, on_member, stats);
  if (!have_config) {
    AddFinding(report, "AISEC-MODEL-KERAS-MALFORMED",
               {.detail = "no readable config.json", .snippet = "the archive has no top-level config.json"});
  }
  report.metadata["members"] = std::to_string(stats.members);
}

}  // namespace aisec::assess::model
