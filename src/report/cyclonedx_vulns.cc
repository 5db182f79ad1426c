// CycloneDX 1.6 "vulnerabilities": the findings that name a known vulnerability (property
// aisec:vuln:id, see report/formats.h), one entry per id with every component it affects.
#include <array>
#include <charconv>
#include <map>
#include <set>

#include "core/strings.h"
#include "report/cyclonedx_parts.h"

namespace aisec::report {

using json = nlohmann::ordered_json;

namespace {

constexpr std::array<std::string_view, 7> kScoreMethods = {"CVSSv2", "CVSSv3", "CVSSv31", "CVSSv4",
                                                           "OWASP",  "SSVC",   "other"};

json Source(const Finding& f) {
  json s = json::object();
  if (auto name = Prop(f.properties, "aisec:vuln:source"); !name.empty()) s["name"] = name;
  if (auto url = Prop(f.properties, "aisec:vuln:url"); !url.empty()) s["url"] = url;
  return s;
}

json Rating(const Finding& f) {
  json rating = {{"severity", SeverityName(f.severity)}};
  std::string_view score = Prop(f.properties, "aisec:vuln:score");
  double value = 0;
  auto [end, ec] = std::from_chars(score.data(), score.data() + score.size(), value);
  if (!score.empty() && ec == std::errc() && end == score.data() + score.size()) rating["score"] = value;
  if (auto vector = Prop(f.properties, "aisec:vuln:vector"); !vector.empty()) rating["vector"] = vector;
  std::string_view method = Prop(f.properties, "aisec:vuln:method");
  if (std::find(kScoreMethods.begin(), kScoreMethods.end(), method) != kScoreMethods.end()) {
    rating["method"] = method;
  }
  if (json src = Source(f); !src.empty()) rating["source"] = std::move(src);
  return rating;
}

json Cwes(const Finding& f) {
  std::set<int> ids;
  if (auto it = f.frameworks.find("cwe"); it != f.frameworks.end()) {
    for (const auto& cwe : it->second) {
      std::string_view digits = cwe;
      if (digits.starts_with("CWE-") || digits.starts_with("cwe-")) digits.remove_prefix(4);
      int n = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec == std::errc() && end == digits.data() + digits.size() && n > 0) ids.insert(n);
    }
  }
  return json(std::vector<int>(ids.begin(), ids.end()));
}

json Properties(const Finding& f) {
  json props = json::array();
  props.push_back({{"name", "aisec:rule-id"}, {"value", f.rule_id}});
  if (!f.fingerprint.empty()) props.push_back({{"name", "aisec:fingerprint"}, {"value", f.fingerprint}});
  for (const auto& [k, v] : f.properties) props.push_back({{"name", k}, {"value", v}});
  return props;
}

json NewVulnerability(const Finding& f, const std::string& id, const std::string& ref) {
  json v = {{"bom-ref", ref}, {"id", id}};
  if (json src = Source(f); !src.empty()) v["source"] = src;
  json refs = json::array();
  for (const auto& alias : SplitList(Prop(f.properties, "aisec:vuln:aliases"))) {
    if (alias != id) refs.push_back({{"id", alias}, {"source", Source(f)}});
  }
  if (!refs.empty()) v["references"] = std::move(refs);
  v["ratings"] = json::array({Rating(f)});
  if (json cwes = Cwes(f); !cwes.empty()) v["cwes"] = std::move(cwes);
  if (!f.title.empty()) v["description"] = f.title;
  if (!f.description.empty()) v["detail"] = f.description;
  std::string_view fixed = Prop(f.properties, "aisec:vuln:fixed");
  if (!f.remediation.empty()) v["recommendation"] = f.remediation;
  else if (!fixed.empty()) v["recommendation"] = "Upgrade to a fixed version: " + std::string(fixed);
  json advisories = json::array();
  for (const auto& url : f.references) {
    if (Contains(url, "://")) advisories.push_back({{"url", url}});
  }
  if (!advisories.empty()) v["advisories"] = std::move(advisories);
  if (auto t = UtcTimestamp(Prop(f.properties, "aisec:vuln:published"))) v["published"] = *t;
  if (auto t = UtcTimestamp(Prop(f.properties, "aisec:vuln:modified"))) v["updated"] = *t;
  v["affects"] = json::array();
  v["properties"] = Properties(f);
  return v;
}

void AddAffected(json& v, std::set<std::string>& affected, const Finding& f, const BomGraph& g,
                 const ScanResult& r) {
  auto idx = g.Find(f.component_ref);
  if (!idx || !affected.insert(g.refs[*idx]).second) return;
  json a = {{"ref", g.refs[*idx]}};
  const Component& c = r.components[*idx];
  if (!c.version.empty()) a["versions"] = json::array({{{"version", c.version}, {"status", "affected"}}});
  v["affects"].push_back(std::move(a));
}

}  // namespace

json Vulnerabilities(const ScanResult& r, const BomGraph& g) {
  json out = json::array();
  std::map<std::string, size_t> by_id;  // vulnerability id -> index in `out`
  std::vector<std::set<std::string>> affected;
  std::set<std::string> refs;
  for (const auto& f : r.findings) {
    std::string id(Prop(f.properties, "aisec:vuln:id"));
    if (id.empty()) continue;
    id = SanitizeUtf8(id);
    auto [it, added] = by_id.emplace(id, out.size());
    if (added) {
      std::string ref = "vuln:" + id;
      for (int n = 2; !refs.insert(ref).second; ++n) ref = "vuln:" + id + "#" + std::to_string(n);
      out.push_back(NewVulnerability(f, id, ref));
      affected.emplace_back();
    }
    AddAffected(out[it->second], affected[it->second], f, g, r);
  }
  for (auto& v : out) {
    if (v["affects"].empty()) v.erase("affects");
  }
  return out;
}

}  // namespace aisec::report
