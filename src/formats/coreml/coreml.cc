#include "formats/coreml/coreml.h"

#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/parse.h"
#include "formats/coreml/mil.h"
#include "formats/protobuf/wire.h"

namespace aisec::formats::coreml {
namespace {

using protobuf::Field;
using protobuf::WireType;

constexpr uint64_t kKept = 4 << 10;
constexpr size_t kMaxUserDefined = 64;
constexpr int kMaxPipelineDepth = 8;

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

// Reads one Model message (the file, or a model inside a pipeline) into m.
class ModelReader {
 public:
  ModelReader(protobuf::Reader& r, Model& m) : r_(r), m_(m) {}

  // Model: specificationVersion (1), description (2), isUpdatable (10), type oneof (200+).
  // Nested models (depth > 0) add only what they delegate to native code.
  bool OnField(const protobuf::Field& f, int depth) {
    bool top = depth == 0;
    if (f.number == 1 && f.type == WireType::kVarint) {
      if (top) m_.specification_version = static_cast<int64_t>(f.value);
      return true;
    }
    if (f.number == 10 && f.type == WireType::kVarint) {
      if (top) m_.updatable = f.value != 0;
      return true;
    }
    if (f.number == 2 && top) {
      return r_.Message(f, [&](const protobuf::Field& x) { return x.number == 100 ? Metadata(x) : r_.Skip(x); });
    }
    if (top) {
      if (auto name = TypeName(f.number); !name.empty()) m_.type = std::string(name);
    }
    switch (f.number) {
      case 555:
        if (!m_.custom_class.empty()) return r_.Skip(f);
        if (!top) m_.type = "customModel";  // a pipeline stage is as much the model as the file
        return r_.Message(f, [&](const protobuf::Field& x) { return x.number == 10 ? Str(x, &m_.custom_class) : r_.Skip(x); });
      case 303: case 403: case 500: return NeuralNetwork(f, "");
      case 502: return ReadProgram(r_, f, m_);
      case 200: case 201:  // PipelineClassifier/Regressor.pipeline (1)
        return r_.Message(f, [&](const protobuf::Field& x) { return x.number == 1 ? Pipeline(x, depth) : r_.Skip(x); });
      case 202: return Pipeline(f, depth);
      default: return r_.Skip(f);
    }
  }

 private:
  bool Str(const protobuf::Field& f, std::string* out) { return r_.String(f, kKept, out); }

  // ModelDescription.metadata (100): shortDescription 1, versionString 2, author 3, license 4,
  // userDefined 100 (map entries key 1, value 2).
  bool Metadata(const protobuf::Field& f) {
    return r_.Message(f, [&](const protobuf::Field& x) {
      switch (x.number) {
        case 1: return Str(x, &m_.short_description);
        case 2: return Str(x, &m_.version);
        case 3: return Str(x, &m_.author);
        case 4: return Str(x, &m_.license);
        case 100: {
          std::string k, v;
          bool ok = r_.Message(x, [&](const protobuf::Field& e) {
            return e.number == 1 ? Str(e, &k) : e.number == 2 ? Str(e, &v) : r_.Skip(e);
          });
          if (ok && m_.user_defined.size() < kMaxUserDefined) m_.user_defined[k] = v;
          return ok;
        }
        default: return r_.Skip(x);
      }
    });
  }

  // NeuralNetwork{,Classifier,Regressor}.layers (1): NeuralNetworkLayer name (1), custom (500)
  // = CustomLayerParams className (10); branch (605) = BranchLayerParams ifBranch (1) and
  // elseBranch (2), loop (615) = LoopLayerParams conditionNetwork (3) and bodyNetwork (4), each a
  // NeuralNetwork. `prefix` names the enclosing layers.
  bool NeuralNetwork(const protobuf::Field& f, const std::string& prefix) {
    return r_.Message(f, [&](const protobuf::Field& x) { return x.number == 1 ? Layer(x, prefix) : r_.Skip(x); });
  }

  bool Layer(const protobuf::Field& f, const std::string& prefix) {
    Model::CustomLayer layer;
    bool custom = false;
    bool ok = r_.Message(f, [&](const protobuf::Field& l) {
      switch (l.number) {
        case 1: return Str(l, &layer.layer);
        case 500:
          custom = true;
          return r_.Message(l, [&](const protobuf::Field& c) { return c.number == 10 ? Str(c, &layer.class_name) : r_.Skip(c); });
        case 605: return SubNetworks(l, prefix + layer.layer, {{1, "if"}, {2, "else"}});
        case 615: return SubNetworks(l, prefix + layer.layer, {{3, "condition"}, {4, "body"}});
        default: return r_.Skip(l);
      }
    });
    layer.layer = prefix + layer.layer;
    if (custom && m_.custom_layers.size() < kMaxCustomLayers) m_.custom_layers.push_back(std::move(layer));
    return ok;
  }

  // The NeuralNetwork fields of a branch or loop layer, by field number and role.
  bool SubNetworks(const protobuf::Field& f, const std::string& owner,
                   std::initializer_list<std::pair<uint32_t, std::string_view>> roles) {
    return r_.Message(f, [&](const protobuf::Field& x) {
      for (const auto& [number, role] : roles) {
        if (x.number == number) return NeuralNetwork(x, owner + "/" + std::string(role) + "/");
      }
      return r_.Skip(x);
    });
  }

  // Pipeline.models (1): each a whole Model.
  bool Pipeline(const protobuf::Field& f, int depth) {
    if (depth >= kMaxPipelineDepth) return r_.Skip(f);
    return r_.Message(f, [&](const protobuf::Field& x) {
      if (x.number != 1) return r_.Skip(x);
      return r_.Message(x, [&](const protobuf::Field& y) { return OnField(y, depth + 1); });
    });
  }

  protobuf::Reader& r_;
  Model& m_;
};

}  // namespace

Model Parse(ByteSource& src) {
  Model m;
  Cursor cur(src, 0, src.size());
  protobuf::Reader r(cur);
  ModelReader reader(r, m);
  Field f;
  while (r.Next(&f)) {
    if (!reader.OnField(f, 0)) break;
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
