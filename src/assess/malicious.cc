// Known malicious packages: OpenSSF Malicious Packages reports (OSV records with MAL- ids) in the
// advisory database. Installing one is an incident, not an upgrade: the finding is critical.
#include <fmt/format.h>

#include "assess/osv/evaluate.h"
#include "assess/osv/scan_db.h"
#include "assess/registry_decls.h"
#include "core/strings.h"

namespace aisec::assess {
namespace {

// Whether the component's version is one the report names. Unknown or unpinned versions count
// as matching: a malicious name is dangerous whatever version gets installed.
bool VersionMatches(const Component& c, const std::vector<osv::Affected>& entries) {
  if (c.version.empty()) return true;
  const version::Scheme* s = version::ForPurlType(c.ecosystem);
  for (const auto& a : entries) {
    if (osv::Evaluate(a, s, c.version).verdict != osv::Verdict::kNotAffected) return true;
  }
  return false;
}

Finding MakeFinding(const Component& c, const std::string& id, const osv::AdvisoryDetails& d,
                    bool version_matches) {
  Finding f;
  f.rule_id = "AISEC-MALICIOUS";
  f.severity = version_matches ? Severity::kCritical : Severity::kHigh;
  f.confidence = version_matches ? 1.0 : 0.6;
  f.component_ref = c.Key();
  if (!c.evidence.empty()) f.evidence.push_back(c.evidence.front());
  f.title = fmt::format("Known malicious package {} ({})", c.name, id);
  f.description = d.summary.empty() ? Snippet(d.details, 2000) : d.summary;
  if (!version_matches) {
    f.description += fmt::format(" The report names other versions than {}.", c.version);
  }
  f.remediation =
      "Remove the package and treat every machine that installed it as compromised: rotate the "
      "secrets it could reach and review build and developer machines.";
  for (const auto& r : d.references) f.references.push_back(r.url);
  f.frameworks["owasp_llm_2025"] = {"LLM03"};
  f.frameworks["cwe"] = {"CWE-506"};
  f.properties["advisory"] = id;
  std::string path = f.evidence.empty() ? "" : f.evidence.front().location.path;
  f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, path, id);
  return f;
}

}  // namespace

Status AssessMalicious(Context& ctx) {
  return osv::ForEachAdvisedComponent(
      ctx, /*malicious=*/true,
      [&](const Component& c, const osv::PackageAdvisories& reports, osv::AdvisoryDb& db) {
        for (const auto& [id, entries] : reports) {
          auto d = db.Details(id);
          if (!d.ok()) continue;
          ctx.result.findings.push_back(MakeFinding(c, id, *d, VersionMatches(c, entries)));
        }
      });
}

}  // namespace aisec::assess
