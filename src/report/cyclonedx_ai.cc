// The AI parts of the CycloneDX document: model cards of machine-learning models and the data
// entries of datasets (CycloneDX 1.6 "modelCard" and "componentData").
#include <algorithm>
#include <array>

#include "core/strings.h"
#include "report/cyclonedx_parts.h"

namespace aisec::report {

using json = nlohmann::ordered_json;

namespace {

constexpr std::array<std::string_view, 5> kApproaches = {
    "supervised", "unsupervised", "reinforcement-learning", "semi-supervised", "self-supervised"};

// A dataset named by a model: a reference when it is a data component of the inventory (by key
// or by name), else described inline.
json DatasetRef(const std::string& name, const BomGraph& g, const ScanResult& r) {
  std::optional<size_t> idx = g.Find(name);
  if (!idx || r.components[*idx].kind != ComponentKind::kData) {
    idx.reset();
    for (size_t i = 0; i < r.components.size() && !idx; ++i) {
      if (r.components[i].kind == ComponentKind::kData && r.components[i].name == name) idx = i;
    }
  }
  if (idx) return {{"ref", g.refs[*idx]}};
  return {{"type", "dataset"}, {"name", name}};
}

json Formats(std::string_view list) {
  json out = json::array();
  for (const auto& f : SplitList(list)) out.push_back({{"format", f}});
  return out;
}

json ModelParameters(const Component& m, const BomGraph& g, const ScanResult& r) {
  json p = json::object();
  std::string_view approach = Prop(m.properties, "aisec:model:approach");
  if (std::find(kApproaches.begin(), kApproaches.end(), approach) != kApproaches.end()) {
    p["approach"] = {{"type", approach}};
  }
  std::string_view task = Prop(m.properties, "aisec:model:task");
  if (task.empty() && m.ai) task = m.ai->task;
  if (!task.empty()) p["task"] = task;
  std::string_view family = Prop(m.properties, "aisec:model:architecture-family");
  if (family.empty() && m.ai) family = m.ai->model_family;
  if (!family.empty()) p["architectureFamily"] = family;
  if (auto arch = Prop(m.properties, "aisec:model:architecture"); !arch.empty()) {
    p["modelArchitecture"] = arch;
  }
  json datasets = json::array();
  for (const auto& d : SplitList(Prop(m.properties, "aisec:model:datasets"))) {
    datasets.push_back(DatasetRef(d, g, r));
  }
  if (!datasets.empty()) p["datasets"] = std::move(datasets);
  if (json in = Formats(Prop(m.properties, "aisec:model:inputs")); !in.empty()) p["inputs"] = in;
  if (json out = Formats(Prop(m.properties, "aisec:model:outputs")); !out.empty()) p["outputs"] = out;
  return p;
}

}  // namespace

json ModelCard(const Component& m, const BomGraph& g, const ScanResult& r) {
  json card = json::object();
  if (json p = ModelParameters(m, g, r); !p.empty()) card["modelParameters"] = std::move(p);
  json considerations = json::object();
  auto lines = [&](const char* key) { return SplitList(Prop(m.properties, key), '\n'); };
  if (auto uses = lines("aisec:model:use-cases"); !uses.empty()) considerations["useCases"] = uses;
  if (auto limits = lines("aisec:model:limitations"); !limits.empty()) {
    considerations["technicalLimitations"] = limits;
  }
  if (!considerations.empty()) card["considerations"] = std::move(considerations);
  return card;
}

json DataEntries(const Component& d) {
  // A system prompt is configuration of the application, not a dataset.
  json entry = {{"type", d.kind == ComponentKind::kPrompt ? "configuration" : "dataset"}, {"name", d.name}};
  if (auto cls = Prop(d.properties, "aisec:data:classification"); !cls.empty()) {
    entry["classification"] = cls;
  }
  if (auto url = Prop(d.properties, "aisec:data:url"); !url.empty()) {
    entry["contents"] = {{"url", url}};
  }
  return json::array({std::move(entry)});
}

}  // namespace aisec::report
