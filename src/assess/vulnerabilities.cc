// Known vulnerabilities of library components, from the advisory database (OSV records).
// Exact versions give AISEC-VULN findings; a requirement range that overlaps an affected range
// gives AISEC-VULN-RANGE ("may be affected") with the versions that are safe; advisories that
// can only be evaluated against git history give AISEC-VULN-UNEVALUATED (info).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "assess/cvss/cvss.h"
#include "assess/osv/evaluate.h"
#include "assess/osv/scan_db.h"
#include "assess/registry_decls.h"
#include "assess/version/range.h"
#include "core/strings.h"

namespace aisec::assess {
namespace {

using osv::AdvisoryDetails;
using osv::Affected;
using osv::Verdict;
using version::Scheme;
using version::Version;
using version::VersionSet;

using Advisories = osv::PackageAdvisories;

struct Rating {
  Severity severity = Severity::kMedium;
  std::string vector;  // the CVSS vector the rating came from, if any
  double score = -1;
};

// CVSS v4 when the record has it, else v3, else the database's own label.
Rating Rate(const AdvisoryDetails& d) {
  for (const char* type : {"CVSS_V4", "CVSS_V3"}) {
    for (const auto& s : d.severity) {
      if (s.type != type) continue;
      if (auto score = cvss::BaseScore(s.score); score.ok()) {
        return {cvss::SeverityForScore(*score), s.score, *score};
      }
    }
  }
  std::string label = ToLower(d.database_severity);
  if (label == "moderate") label = "medium";
  if (auto sev = ParseSeverity(label)) return {*sev, {}, -1};
  return {};
}

Verdict Judge(const std::vector<Affected>& entries, const Scheme& s, std::string_view version,
              bool* git_only) {
  bool all_git = true;
  Verdict verdict = Verdict::kUnknown;
  for (const Affected& a : entries) {
    osv::Evaluation e = osv::Evaluate(a, &s, version);
    if (e.verdict == Verdict::kAffected) return Verdict::kAffected;
    if (e.verdict == Verdict::kNotAffected) verdict = Verdict::kNotAffected;
    all_git &= e.git_only;
  }
  *git_only = verdict == Verdict::kUnknown && all_git;
  return verdict;
}

// The smallest fixed version above `from` (any, when absent) that none of the package's
// advisories affects.
std::string SmallestSafeUpgrade(const Scheme& s, const Advisories& all,
                                const std::optional<Version>& from) {
  std::vector<Version> candidates;
  for (const auto& [id, entries] : all) {
    for (const Affected& a : entries) {
      for (const std::string& f : osv::FixedVersions(a)) {
        auto v = s.Parse(f);
        if (v.ok() && (!from || s.Compare(*v, *from) > 0)) candidates.push_back(std::move(*v));
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [&](const Version& a, const Version& b) { return s.Compare(a, b) < 0; });
  for (const Version& c : candidates) {
    bool safe = std::all_of(all.begin(), all.end(), [&](const auto& kv) {
      bool git_only = false;
      return Judge(kv.second, s, c.text(), &git_only) != Verdict::kAffected;
    });
    if (safe) return c.text();
  }
  return {};
}

std::string AffectedText(const std::vector<Affected>& entries, const Scheme& s) {
  VersionSet set;
  for (const Affected& a : entries) set.AddAll(osv::AffectedSet(a, s));
  return set.Normalized(s).ToString();
}

struct Match {
  const Component& c;
  const Scheme& scheme;
  std::string id;
  const std::vector<Affected>& entries;
  AdvisoryDetails details;
};

Finding MakeFinding(const Match& m, std::string rule, const std::string& upgrade) {
  Finding f;
  f.rule_id = std::move(rule);
  Rating r = Rate(m.details);
  f.severity = r.severity;
  f.component_ref = m.c.Key();
  if (!m.c.evidence.empty()) f.evidence.push_back(m.c.evidence.front());
  std::string headline = m.details.summary;
  if (headline.empty()) {
    auto lines = SplitLines(m.details.details);
    if (!lines.empty()) headline = std::string(Trim(lines.front()));
  }
  f.description = m.details.summary.empty() ? Snippet(m.details.details, 2000) : m.details.summary;
  std::string what = m.c.version.empty() ? m.c.name + " " + m.c.version_spec
                                         : m.c.name + " " + m.c.version;
  f.title = fmt::format("{} in {}: {}", m.id, what, Snippet(headline, 120));
  for (const auto& ref : m.details.references) f.references.push_back(ref.url);
  f.frameworks["owasp_llm_2025"] = {"LLM03"};
  f.properties["advisory"] = m.id;
  f.properties["aliases"] = Join(m.details.aliases, ", ");
  f.properties["affected"] = AffectedText(m.entries, m.scheme);
  std::vector<std::string> fixed;
  for (const Affected& a : m.entries) {
    for (auto& v : osv::FixedVersions(a)) fixed.push_back(v);
  }
  f.properties["fixed"] = Join(fixed, ", ");
  if (!r.vector.empty()) {
    f.properties["cvss_vector"] = r.vector;
    f.properties["cvss_score"] = fmt::format("{:.1f}", r.score);
  }
  if (!upgrade.empty()) f.properties["upgrade"] = upgrade;
  std::string path = f.evidence.empty() ? "" : f.evidence.front().location.path;
  f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, path, m.id);
  return f;
}

void ExactVersion(Context& ctx, const Component& c, const Scheme& s, const Advisories& all,
                  osv::AdvisoryDb& db) {
  std::optional<std::string> upgrade;  // computed on the first match only
  for (const auto& [id, entries] : all) {
    bool git_only = false;
    Verdict v = Judge(entries, s, c.version, &git_only);
    if (v != Verdict::kAffected && !git_only) continue;
    auto details = db.Details(id);
    if (!details.ok()) continue;
    Match m{c, s, id, entries, std::move(*details)};
    if (git_only) {
      Finding f = MakeFinding(m, "AISEC-VULN-UNEVALUATED", "");
      f.severity = Severity::kInfo;
      f.confidence = 0.3;
      f.remediation = "The advisory names only git commit ranges, which aisec does not evaluate; "
                      "check whether this version contains the fix.";
      ctx.result.findings.push_back(std::move(f));
      continue;
    }
    if (!upgrade) {
      auto from = s.Parse(c.version);
      upgrade = SmallestSafeUpgrade(s, all, from.ok() ? std::optional<Version>(*from) : std::nullopt);
    }
    Finding f = MakeFinding(m, "AISEC-VULN", *upgrade);
    f.remediation = upgrade->empty()
                        ? "No fixed version is known; consider replacing the package."
                        : fmt::format("Upgrade {} to {} or later (the smallest version that fixes "
                                      "every known advisory for this package).", c.name, *upgrade);
    ctx.result.findings.push_back(std::move(f));
  }
}

void VersionRange(Context& ctx, const Component& c, const Scheme& s, const Advisories& all,
                  osv::AdvisoryDb& db) {
  auto spec = s.ParseRange(c.version_spec);
  if (!spec.ok()) return;
  VersionSet affected_all;
  for (const auto& [id, entries] : all) {
    for (const Affected& a : entries) affected_all.AddAll(osv::AffectedSet(a, s));
  }
  VersionSet safe = spec->Intersect(s, affected_all.Complement(s)).Normalized(s);
  std::string upgrade = SmallestSafeUpgrade(s, all, std::nullopt);
  for (const auto& [id, entries] : all) {
    VersionSet affected;
    for (const Affected& a : entries) affected.AddAll(osv::AffectedSet(a, s));
    if (!spec->Overlaps(s, affected)) continue;
    auto details = db.Details(id);
    if (!details.ok()) continue;
    Finding f = MakeFinding(Match{c, s, id, entries, std::move(*details)}, "AISEC-VULN-RANGE",
                            upgrade);
    f.confidence = 0.5;
    f.title = "May be affected: " + f.title;
    std::string safe_text = safe.IsEmpty(s) ? "none" : safe.ToString();
    f.properties["safe_within_requirement"] = safe_text;
    f.remediation = fmt::format(
        "The requirement '{}' admits affected versions. Versions it admits that no known advisory "
        "affects: {}.{}",
        c.version_spec, safe_text,
        upgrade.empty() ? "" : " Require at least " + upgrade + ", or pin a safe version.");
    ctx.result.findings.push_back(std::move(f));
  }
}

}  // namespace

Status AssessVulnerabilities(Context& ctx) {
  return osv::ForEachAdvisedComponent(
      ctx, /*malicious=*/false,
      [&](const Component& c, const Advisories& all, osv::AdvisoryDb& db) {
        const Scheme* s = version::ForPurlType(c.ecosystem);
        if (!s) return;
        if (!c.version.empty()) ExactVersion(ctx, c, *s, all, db);
        else if (!c.version_spec.empty()) VersionRange(ctx, c, *s, all, db);
      });
}

}  // namespace aisec::assess
