#include "formats/coreml/coreml.h"

#include <utility>

#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "formats/protobuf/wire.h"

namespace aisec::formats::coreml {
namespace {

using protobuf::Field;
using protobuf::WireType;

constexpr uint64_t kKept = 4 << 10;
constexpr size_t kMaxUserDefined = 64;

// The Model.Type oneof: field number -> name.
constexpr std::pair<uint32_t, std::string_view> kTypes[] = {
    {200, "pipelineClassifier"}, {201, "pipelineRegressor"}, {202, "pipeline"},
    {300, "glmRegressor"}, {301, "supportVectorRegressor"}, {302, "treeEnsembleRegressor"},
    {303, "neuralNetworkRegressor"}, {304, "bayesianProbitRegressor"}, {400, "glmClassifier"},
    {401, "supportVectorClassifier"}, {402, "treeEnsembleClassifier"},
    {403, "neuralNetworkClassifier"}, {404, "kNearestNeighborsClassifier"},
    {500, "neuralNetwork"}, {501, "itemSimilarityRecommender"}, {502, "mlProgram"},
    {555, "customModel"}, {556, "linkedModel"}, {560, "classConfidenceThresholding"},
    {600, "oneHotEncoder"}, {601, "imputer"}, {602, "featureVectorizer"}, {603, "dictVectorizer"},
    {604, "scaler"}, {606, "categoricalMapping"}, {607, "normalizer"},
    {609, "arrayFeatureExtractor"}, {610, "nonMaximumSuppression"}, {900, "identity"},
    {2000, "textClassifier"}, {2001, "wordTagger"}, {2002, "visionFeaturePrint"},
    {2003, "soundAnalysisPreprocessing"}, {2004, "gazetteer"}, {2005, "wordEmbedding"},
    {2006, "audioFeaturePrint"}, {3000, "serializedModel"},
};

std::string_view TypeName(uint32_t field) {
  for (const auto& [n, name] : kTypes) {
    if (n == field) return name;
  }
  return {};
}

}  // namespace

// Model: specificationVersion (1), description (2), isUpdatable (10), type oneof (200+).
// ModelDescription.metadata (100): shortDescription 1, versionString 2, author 3, license 4,
// userDefined 100 (map entries key 1, value 2). CustomModel.className (10).
Model Parse(ByteSource& src) {
  Model m;
  Cursor cur(src, 0, src.size());
  protobuf::Reader r(cur);
  auto str = [&](const Field& f, std::string* out) { return r.String(f, kKept, out); };
  auto metadata = [&](const Field& f) {
    return r.Message(f, [&](const Field& x) {
      switch (x.number) {
        case 1: return str(x, &m.short_description);
        case 2: return str(x, &m.version);
        case 3: return str(x, &m.author);
        case 4: return str(x, &m.license);
        case 100: {
          std::string k, v;
          bool ok = r.Message(x, [&](const Field& e) {
            return e.number == 1 ? str(e, &k) : e.number == 2 ? str(e, &v) : r.Skip(e);
          });
          if (ok && m.user_defined.size() < kMaxUserDefined) m.user_defined[k] = v;
          return ok;
        }
        default: return r.Skip(x);
      }
    });
  };
  Field f;
  while (r.Next(&f)) {
    bool ok = true;
    if (f.number == 1 && f.type == WireType::kVarint) {
      m.specification_version = static_cast<int64_t>(f.value);
    } else if (f.number == 10 && f.type == WireType::kVarint) {
      m.updatable = f.value != 0;
    } else if (f.number == 2) {
      ok = r.Message(f, [&](const Field& x) { return x.number == 100 ? metadata(x) : r.Skip(x); });
    } else if (f.number == 555) {
      m.type = "customModel";
      ok = r.Message(f, [&](const Field& x) { return x.number == 10 ? str(x, &m.custom_class) : r.Skip(x); });
    } else {
      if (auto name = TypeName(f.number); !name.empty()) m.type = std::string(name);
      ok = r.Skip(f);
    }
    if (!ok) break;
  }
  if (!cur.ok()) {
    m.issues.push_back(Issue{"malformed", cur.error(), cur.error_offset(), {}});
  } else if (m.specification_version == 0 && m.type.empty()) {
    m.issues.push_back(Issue{"empty", "no specification version or model: not a Core ML model", 0, {}});
  } else {
    m.complete = true;
  }
  return m;
}

Result<Manifest> ParseManifest(std::string_view text, const std::string& path) {
  auto doc = ParseJson(text, path);
  if (!doc.ok()) return doc.error();
  if (!doc->is_object()) return Status::Parse("Manifest.json is not an object", Location{path});
  Manifest out;
  auto version = doc->find("fileFormatVersion");
  if (version != doc->end() && version->is_string()) out.file_format_version = version->get<std::string>();
  auto root = doc->find("rootModelIdentifier");
  auto items = doc->find("itemInfoEntries");
  if (root == doc->end() || !root->is_string() || items == doc->end() || !items->is_object()) {
    return Status::Parse("Manifest.json has no root model", Location{path});
  }
  auto entry = items->find(root->get<std::string>());
  if (entry != items->end() && entry->is_object()) {
    auto p = entry->find("path");
    if (p != entry->end() && p->is_string()) out.root_path = p->get<std::string>();
  }
  return out;
}

}  // namespace aisec::formats::coreml
