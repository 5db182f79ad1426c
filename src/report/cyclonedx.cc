// CycloneDX 1.6 JSON (https://cyclonedx.org/docs/1.6/json/): the inventory as an AI-BOM —
// libraries, machine-learning models with model cards, datasets, external AI services, the
// dependency graph, evidence of where each component was seen, and known vulnerabilities.
// Conventions shared with the other formats are in report/formats.h.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "report/bom_common.h"
#include "report/cyclonedx_parts.h"
#include "report/formats.h"

namespace aisec::report {

using json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kRootRef = "aisec:root";

json Property(std::string_view name, std::string_view value) {
  return {{"name", name}, {"value", value}};
}

// maven "group:artifact", npm "@scope/name" and composer "vendor/name" carry a group; Go module
// paths stay whole, as Go tooling names modules.
void SetGroupAndName(const Component& c, json& j) {
  std::string_view name = c.name;
  size_t cut = std::string_view::npos;
  if (c.ecosystem == "maven") cut = name.find(':');
  else if ((c.ecosystem == "npm" && name.starts_with("@")) || c.ecosystem == "composer") cut = name.find('/');
  if (cut != std::string_view::npos && cut > 0 && cut + 1 < name.size()) {
    j["group"] = name.substr(0, cut);
    j["name"] = name.substr(cut + 1);
  } else {
    j["name"] = name;
  }
}

json Properties(const Component& c) {
  json props = json::array();
  for (const auto& [name, value] : ComponentProperties(c)) props.push_back(Property(name, value));
  return props;
}

json Hashes(const Component& c) {
  json out = json::array();
  std::set<std::pair<std::string_view, std::string>> seen;
  for (const auto& h : c.hashes) {
    std::string_view alg = CycloneDxHashAlgorithm(h.algorithm);
    if (alg.empty() || !IsHexDigest(h.value) || !seen.emplace(alg, h.value).second) continue;
    out.push_back({{"alg", alg}, {"content", h.value}});
  }
  return out;
}

json Licenses(const Component& c) {
  LicenseChoice choice = ChooseLicense(c);
  switch (choice.kind) {
    case LicenseChoice::Kind::kNone: return json::array();
    case LicenseChoice::Kind::kId: return json::array({{{"license", {{"id", choice.text}}}}});
    case LicenseChoice::Kind::kExpression: return json::array({{{"expression", choice.text}}});
    case LicenseChoice::Kind::kNames: break;
  }
  json out = json::array();
  for (const auto& l : c.licenses) out.push_back({{"license", {{"name", l}}}});
  return out;
}

std::string_view Technique(EvidenceMethod m) {
  switch (m) {
    case EvidenceMethod::kManifest:
    case EvidenceMethod::kLockfile: return "manifest-analysis";
    case EvidenceMethod::kImport:
    case EvidenceMethod::kCall:
    case EvidenceMethod::kConfig:
    case EvidenceMethod::kString: return "source-code-analysis";
    case EvidenceMethod::kMagicBytes:
    case EvidenceMethod::kHeader: return "binary-analysis";
  }
  return "other";
}

json EvidenceObject(const Component& c) {
  double confidence = std::clamp(c.confidence, 0.0, 1.0);
  json occurrences = json::array();
  json methods = json::array();
  std::set<std::string_view> techniques;
  for (const auto& e : c.evidence) {
    json occ = {{"location", e.location.path}};
    if (e.location.line) occ["line"] = e.location.line;
    if (c.evidence.size() == 1) {
      if (auto off = ParseOffset(Prop(c.properties, "aisec:offset"))) occ["offset"] = *off;
      if (auto sym = Prop(c.properties, "aisec:symbol"); !sym.empty()) occ["symbol"] = sym;
    }
    if (!e.snippet.empty()) occ["additionalContext"] = e.snippet;
    occurrences.push_back(std::move(occ));
    std::string_view technique = Technique(e.method);
    if (techniques.insert(technique).second) {
      methods.push_back({{"technique", technique}, {"confidence", confidence},
                         {"value", e.location.ToString()}});
    }
  }
  json identity = {{"field", c.purl.empty() ? "name" : "purl"},
                   {"confidence", confidence},
                   {"concludedValue", c.purl.empty() ? c.name : c.purl},
                   {"methods", std::move(methods)}};
  return {{"identity", json::array({std::move(identity)})}, {"occurrences", std::move(occurrences)}};
}

json CdxComponent(const Component& c, const std::string& ref, const BomGraph& g,
                   const ScanResult& r) {
  json j = {{"type", CycloneDxType(c.kind)}, {"bom-ref", ref}};
  SetGroupAndName(c, j);
  if (!c.version.empty()) j["version"] = c.version;
  if (c.ai && !c.ai->provider.empty()) j["supplier"] = {{"name", c.ai->provider}};
  j["scope"] = c.dev ? "excluded" : "required";
  if (json h = Hashes(c); !h.empty()) j["hashes"] = std::move(h);
  if (json l = Licenses(c); !l.empty()) j["licenses"] = std::move(l);
  if (!c.purl.empty()) j["purl"] = c.purl;
  if (!c.evidence.empty()) j["evidence"] = EvidenceObject(c);
  if (c.kind == ComponentKind::kModel) {
    if (json card = ModelCard(c, g, r); !card.empty()) j["modelCard"] = std::move(card);
  }
  if (c.kind == ComponentKind::kData || c.kind == ComponentKind::kPrompt) j["data"] = DataEntries(c);
  j["properties"] = Properties(c);
  return j;
}

json CdxService(const Component& c, const std::string& ref) {
  json j = {{"bom-ref", ref}, {"name", c.name}};
  if (c.ai && !c.ai->provider.empty()) j["provider"] = {{"name", c.ai->provider}};
  if (!c.version.empty()) j["version"] = c.version;
  if (auto endpoints = SplitList(Prop(c.properties, "aisec:endpoint")); !endpoints.empty()) {
    j["endpoints"] = endpoints;
  }
  std::string_view auth = Prop(c.properties, "aisec:service:authenticated");
  if (auth == "true" || auth == "false") j["authenticated"] = auth == "true";
  if (auto crosses = CrossesTrustBoundary(c)) j["x-trust-boundary"] = *crosses;
  if (json l = Licenses(c); !l.empty()) j["licenses"] = std::move(l);
  j["properties"] = Properties(c);
  return j;
}

json Dependencies(const BomGraph& g, const std::string& root_ref) {
  auto refs_of = [&](const std::vector<size_t>& idx) {
    std::set<std::string> s;
    for (size_t i : idx) s.insert(g.refs[i]);
    return json(std::vector<std::string>(s.begin(), s.end()));
  };
  json deps = json::array();
  json root = {{"ref", root_ref}};
  if (!g.tops.empty()) root["dependsOn"] = refs_of(g.tops);
  deps.push_back(std::move(root));
  for (size_t i = 0; i < g.refs.size(); ++i) {
    std::vector<size_t> depends, provides;
    for (const auto& e : g.edges[i]) {
      (e.kind == RelationKind::kProvides ? provides : depends).push_back(e.to);
    }
    json d = {{"ref", g.refs[i]}};
    if (!depends.empty()) d["dependsOn"] = refs_of(depends);
    if (!provides.empty()) d["provides"] = refs_of(provides);
    deps.push_back(std::move(d));
  }
  return deps;
}

json Metadata(const ScanResult& r, const std::string& root_ref) {
  json tool = {{"type", "application"}, {"name", r.tool_name.empty() ? "aisec" : r.tool_name}};
  if (!r.tool_version.empty()) tool["version"] = r.tool_version;
  json meta;
  std::optional<std::string> when = UtcTimestamp(r.finished_at);
  if (!when) when = UtcTimestamp(r.started_at);
  if (when) meta["timestamp"] = *when;
  meta["tools"] = {{"components", json::array({std::move(tool)})}};
  meta["component"] = {{"type", "application"}, {"bom-ref", root_ref}, {"name", RootName(r)}};
  return meta;
}

}  // namespace

std::string RenderCycloneDx(const ScanResult& r, const RenderOptions&) {
  BomGraph g = BuildGraph(r);
  std::string root_ref(kRootRef);
  while (std::find(g.refs.begin(), g.refs.end(), root_ref) != g.refs.end()) root_ref += '_';
  json doc = {{"$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json"},
              {"bomFormat", "CycloneDX"},
              {"specVersion", "1.6"},
              {"serialNumber", "urn:uuid:" + ResultUuid(r)},
              {"version", 1}};
  doc["metadata"] = Metadata(r, root_ref);
  json components = json::array(), services = json::array();
  for (size_t i = 0; i < r.components.size(); ++i) {
    const Component& c = r.components[i];
    if (c.kind == ComponentKind::kService) services.push_back(CdxService(c, g.refs[i]));
    else components.push_back(CdxComponent(c, g.refs[i], g, r));
  }
  doc["components"] = std::move(components);
  if (!services.empty()) doc["services"] = std::move(services);
  doc["dependencies"] = Dependencies(g, root_ref);
  if (json vulns = Vulnerabilities(r, g); !vulns.empty()) doc["vulnerabilities"] = std::move(vulns);
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace aisec::report
