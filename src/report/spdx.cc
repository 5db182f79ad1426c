// SPDX 3.0.1 JSON-LD (https://spdx.github.io/spdx-spec/v3.0.1/): one @graph holding the
// creation info, the tool and agents, the scanned root and every component as a package —
// ai_AIPackage for models and dataset_DatasetPackage for datasets (the AI and Dataset profiles) —
// declared licences, and the relationships between them, all listed by an SpdxDocument whose
// root element is a software_Sbom. Property names follow the JSON schema generated from the SPDX
// model (profile prefix, then the property: "software_packageUrl", "ai_typeOfModel").
// Conventions shared with the other formats are in report/formats.h.
#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "report/bom_common.h"
#include "report/formats.h"

namespace aisec::report {

using json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kCreationInfo = "_:creationinfo";
constexpr std::array<std::string_view, 14> kDatasetTypes = {
    "audio", "categorical", "graph", "image", "noAssertion", "numeric", "other", "sensor",
    "structured", "syntactic", "text", "timeseries", "timestamp", "video"};

std::string_view Purpose(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kModel: return "model";
    case ComponentKind::kData: return "data";
    case ComponentKind::kService: return "other";
    case ComponentKind::kApplication:
    case ComponentKind::kAgent: return "application";
    case ComponentKind::kLibrary:
    case ComponentKind::kTool: return "library";
    case ComponentKind::kPrompt: return "configuration";
  }
  return "other";
}

std::string_view SpdxType(ComponentKind kind) {
  if (kind == ComponentKind::kModel) return "ai_AIPackage";
  if (kind == ComponentKind::kData) return "dataset_DatasetPackage";
  return "software_Package";
}

std::string CreatedTime(const ScanResult& r) {
  if (auto t = UtcTimestamp(r.finished_at)) return *t;
  if (auto t = UtcTimestamp(r.started_at)) return *t;
  std::time_t now = std::time(nullptr);
  std::tm tm;
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Files found in the tree by their content (model files, datasets on disk) are part of the
// scanned folder; everything else is something it depends on.
bool FoundAsFile(const Component& c) {
  return std::any_of(c.evidence.begin(), c.evidence.end(), [](const Evidence& e) {
    return e.method == EvidenceMethod::kMagicBytes || e.method == EvidenceMethod::kHeader;
  });
}

json Extension(const std::vector<std::pair<std::string, std::string>>& props) {
  json entries = json::array();
  for (const auto& [name, value] : props) {
    entries.push_back({{"type", "extension_CdxPropertyEntry"},
                       {"extension_cdxPropName", name},
                       {"extension_cdxPropValue", value}});
  }
  return json::array({{{"type", "extension_CdxPropertiesExtension"},
                       {"extension_cdxProperty", std::move(entries)}}});
}

class SpdxBuilder {
 public:
  explicit SpdxBuilder(const ScanResult& r)
      : r_(r), g_(BuildGraph(r)), ns_("urn:uuid:" + ResultUuid(r) + "#") {}

  json Build() {
    AddCreationInfo();
    root_id_ = Id("Package-root");
    json root = NewElement("software_Package", root_id_);
    root["name"] = RootName(r_);
    root["software_primaryPurpose"] = "application";
    Add(std::move(root));
    for (size_t i = 0; i < r_.components.size(); ++i) AddComponent(i);
    AddRelationships();
    return Finish();
  }

 private:
  std::string Id(std::string_view local) const { return ns_ + std::string(local); }
  std::string ComponentId(size_t i) const { return Id("Component-" + std::to_string(i + 1)); }

  json NewElement(std::string_view type, const std::string& id) const {
    return {{"type", type}, {"spdxId", id}, {"creationInfo", kCreationInfo}};
  }

  void Add(json element) {
    ids_.push_back(element["spdxId"].get<std::string>());
    graph_.push_back(std::move(element));
  }

  void AddCreationInfo() {
    std::string org = Id("Organization-aisec"), tool = Id("Tool-aisec");
    graph_.push_back({{"type", "CreationInfo"},
                      {"@id", kCreationInfo},
                      {"specVersion", "3.0.1"},
                      {"created", CreatedTime(r_)},
                      {"createdBy", json::array({org})},
                      {"createdUsing", json::array({tool})}});
    json o = NewElement("Organization", org);
    o["name"] = "aisec";
    Add(std::move(o));
    json t = NewElement("Tool", tool);
    std::string name = r_.tool_name.empty() ? "aisec" : r_.tool_name;
    t["name"] = r_.tool_version.empty() ? name : name + " " + r_.tool_version;
    Add(std::move(t));
  }

  std::string Supplier(const std::string& provider) {
    auto [it, added] = suppliers_.try_emplace(provider, "");
    if (added) {
      it->second = Id("Organization-" + std::to_string(suppliers_.size()));
      json o = NewElement("Organization", it->second);
      o["name"] = provider;
      Add(std::move(o));
    }
    return it->second;
  }

  void AddLicense(const std::string& from, const Component& c) {
    LicenseChoice choice = ChooseLicense(c);
    if (choice.kind == LicenseChoice::Kind::kNone) return;
    // Names that are not SPDX become a LicenseRef- of their letters and digits.
    std::string expr = choice.text;
    if (choice.kind == LicenseChoice::Kind::kNames) {
      expr = "LicenseRef-";
      for (unsigned char ch : Join(c.licenses, "-")) expr += std::isalnum(ch) || ch == '.' ? ch : '-';
    }
    auto [it, added] = licenses_.try_emplace(expr, Id("License-" + std::to_string(licenses_.size() + 1)));
    if (added) {
      json l = NewElement("simplelicensing_LicenseExpression", it->second);
      l["simplelicensing_licenseExpression"] = expr;
      if (choice.kind == LicenseChoice::Kind::kNames) l["comment"] = Join(c.licenses, "; ");
      Add(std::move(l));
    }
    Relate(from, "hasDeclaredLicense", {it->second});
  }

  void AddAiFields(const Component& c, json& e) {
    std::string_view family = Prop(c.properties, "aisec:model:architecture-family");
    if (family.empty() && c.ai) family = c.ai->model_family;
    if (!family.empty()) e["ai_typeOfModel"] = json::array({family});
    if (auto d = SplitList(Prop(c.properties, "aisec:model:domain")); !d.empty()) e["ai_domain"] = d;
    if (auto uses = Prop(c.properties, "aisec:model:use-cases"); !uses.empty()) {
      e["ai_informationAboutApplication"] = uses;
    }
    if (auto limits = Prop(c.properties, "aisec:model:limitations"); !limits.empty()) {
      e["ai_limitation"] = limits;
    }
    if (auto datasets = Prop(c.properties, "aisec:model:datasets"); !datasets.empty()) {
      e["ai_informationAboutTraining"] = "Datasets: " + std::string(datasets);
    }
  }

  void AddDatasetFields(const Component& c, json& e) {
    std::string_view type = Prop(c.properties, "aisec:dataset:type");
    if (std::find(kDatasetTypes.begin(), kDatasetTypes.end(), type) == kDatasetTypes.end()) {
      type = "noAssertion";
    }
    e["dataset_datasetType"] = json::array({type});
    if (auto url = Prop(c.properties, "aisec:data:url"); !url.empty()) e["software_downloadLocation"] = url;
  }

  void AddIdentity(const Component& c, json& e) {
    if (!c.version.empty()) e["software_packageVersion"] = c.version;
    if (!c.purl.empty()) {
      e["software_packageUrl"] = c.purl;
      e["externalIdentifier"] = json::array({{{"type", "ExternalIdentifier"},
                                              {"externalIdentifierType", "packageUrl"},
                                              {"identifier", c.purl}}});
    }
    json hashes = json::array();
    for (const auto& h : c.hashes) {
      std::string_view alg = SpdxHashAlgorithm(h.algorithm);
      if (alg.empty() || !IsHexDigest(h.value)) continue;
      hashes.push_back({{"type", "Hash"}, {"algorithm", alg}, {"hashValue", h.value}});
    }
    if (!hashes.empty()) e["verifiedUsing"] = std::move(hashes);
  }

  void AddComponent(size_t i) {
    const Component& c = r_.components[i];
    std::string id = ComponentId(i);
    json e = NewElement(SpdxType(c.kind), id);
    e["name"] = c.name;
    e["software_primaryPurpose"] = Purpose(c.kind);
    AddIdentity(c, e);
    if (c.ai && !c.ai->provider.empty()) e["suppliedBy"] = Supplier(c.ai->provider);
    if (c.kind == ComponentKind::kModel) AddAiFields(c, e);
    if (c.kind == ComponentKind::kData) AddDatasetFields(c, e);
    auto endpoints = SplitList(Prop(c.properties, "aisec:endpoint"));
    if (c.kind == ComponentKind::kService && !endpoints.empty()) {
      e["externalRef"] = json::array({{{"type", "ExternalRef"}, {"externalRefType", "other"},
                                       {"locator", endpoints}, {"comment", "service endpoints"}}});
    }
    auto props = ComponentProperties(c);
    for (const auto& ev : c.evidence) props.emplace_back("aisec:occurrence", ev.location.ToString());
    e["extension"] = Extension(props);
    Add(std::move(e));
    AddLicense(id, c);
  }

  void Relate(const std::string& from, std::string_view type, std::vector<std::string> to,
              std::string_view comment = {}) {
    if (to.empty()) return;
    json rel = NewElement("Relationship", Id("Relationship-" + std::to_string(++relationships_)));
    rel["from"] = from;
    rel["relationshipType"] = type;
    rel["to"] = std::move(to);
    if (!comment.empty()) rel["comment"] = comment;
    Add(std::move(rel));
  }

  void AddRelationships();
  json Finish();

  const ScanResult& r_;
  BomGraph g_;
  std::string ns_;
  std::string root_id_;
  json graph_ = json::array();
  std::vector<std::string> ids_;  // every element with an spdxId, in graph order
  std::map<std::string, std::string> suppliers_, licenses_;
  size_t relationships_ = 0;
};

void SpdxBuilder::AddRelationships() {
  std::vector<std::string> tops, files;
  for (size_t i : g_.tops) tops.push_back(ComponentId(i));
  Relate(root_id_, "dependsOn", tops);
  for (size_t i = 0; i < r_.components.size(); ++i) {
    if (FoundAsFile(r_.components[i])) files.push_back(ComponentId(i));
  }
  Relate(root_id_, "contains", files);
  for (size_t i = 0; i < g_.edges.size(); ++i) {
    std::map<RelationKind, std::vector<std::string>> by_kind;
    for (const auto& e : g_.edges[i]) by_kind[e.kind].push_back(ComponentId(e.to));
    for (auto& [kind, to] : by_kind) {
      bool plain = kind == RelationKind::kDependsOn;
      Relate(ComponentId(i), kind == RelationKind::kProvides ? "other" : "dependsOn", std::move(to),
             plain ? std::string_view() : RelationKindName(kind));
    }
    const Component& c = r_.components[i];
    if (c.kind != ComponentKind::kModel) continue;
    std::vector<std::string> trained_on;
    for (const auto& name : SplitList(Prop(c.properties, "aisec:model:datasets"))) {
      for (size_t j = 0; j < r_.components.size(); ++j) {
        const Component& d = r_.components[j];
        if (d.kind == ComponentKind::kData && (d.Key() == name || d.name == name)) {
          trained_on.push_back(ComponentId(j));
          break;
        }
      }
    }
    Relate(ComponentId(i), "trainedOn", trained_on);
  }
}

json SpdxBuilder::Finish() {
  std::set<std::string> profiles = {"core", "software", "extension"};
  for (const auto& c : r_.components) {
    if (c.kind == ComponentKind::kModel) profiles.insert("ai");
    if (c.kind == ComponentKind::kData) profiles.insert("dataset");
  }
  if (!licenses_.empty()) profiles.insert("simpleLicensing");
  std::string sbom_id = Id("Sbom"), doc_id = Id("Document");
  json sbom = NewElement("software_Sbom", sbom_id);
  sbom["software_sbomType"] = json::array({"source"});
  sbom["rootElement"] = json::array({root_id_});
  sbom["element"] = ids_;
  json doc = NewElement("SpdxDocument", doc_id);
  doc["name"] = "aisec scan of " + RootName(r_);
  doc["dataLicense"] = "https://spdx.org/licenses/CC0-1.0";
  doc["profileConformance"] = std::vector<std::string>(profiles.begin(), profiles.end());
  doc["rootElement"] = json::array({sbom_id});
  std::vector<std::string> all = ids_;
  all.push_back(sbom_id);
  doc["element"] = std::move(all);
  graph_.push_back(std::move(sbom));
  graph_.push_back(std::move(doc));
  return {{"@context", "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"}, {"@graph", std::move(graph_)}};
}

}  // namespace

std::string RenderSpdx(const ScanResult& r, const RenderOptions&) {
  return SpdxBuilder(r).Build().dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace aisec::report
