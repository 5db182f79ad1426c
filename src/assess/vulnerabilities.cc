// Known vulnerabilities of library components, from the advisory database (OSV records).
// Exact versions give AISEC-VULN findings; a requirement range that overlaps an affected range
// gives AISEC-VULN-RANGE ("may be affected") with the versions that are safe; advisories that
// can only be evaluated against git history give AISEC-VULN-UNEVALUATED (info).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "assess/cvss/cvss.h"
#include "assess/osv/evaluate.h"
#include "assess/osv/scan_db.h"
#include "assess/osv/upgrade.h"
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
  std::string what;             // the version or requirement matched
  std::vector<Evidence> where;  // where it is declared
};

Finding MakeFinding(const Match& m, std::string rule, const std::string& upgrade) {
  Finding f;
  f.rule_id = std::move(rule);
  Rating r = Rate(m.details);
  f.severity = r.severity;
  f.component_ref = m.c.Key();
  f.evidence = m.where;
  std::string headline = m.details.summary;
  if (headline.empty()) {
    auto lines = SplitLines(m.details.details);
    if (!lines.empty()) headline = std::string(Trim(lines.front()));
  }
  f.description = m.details.summary.empty() ? Snippet(m.details.details, 2000) : m.details.summary;
  f.title = fmt::format("{} in {} {}: {}", m.id, m.c.name, m.what, Snippet(headline, 120));
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

std::string ExactRemediation(const Component& c, const std::optional<version::Bound>& up) {
  if (!up) return "No fixed version is known; consider replacing the package.";
  if (up->inclusive) {
    return fmt::format(
        "Upgrade {} to {} or later (the smallest version that fixes every known "
        "advisory for this package).",
        c.name, up->version.text());
  }
  return fmt::format(
      "Upgrade {} to a version after {} (the advisories name it as the last "
      "affected version; no known advisory for this package affects the versions "
      "right after it).",
      c.name, up->version.text());
}

void ExactVersion(Context& ctx, const Component& c, const Scheme& s, const Advisories& all,
                  osv::AdvisoryDb& db) {
  std::optional<std::optional<version::Bound>> upgrade;  // computed on the first match only
  for (const auto& [id, entries] : all) {
    bool git_only = false;
    Verdict v = Judge(entries, s, c.version, &git_only);
    if (v != Verdict::kAffected && !git_only) continue;
    auto details = db.Details(id);
    if (!details.ok()) continue;
    std::vector<Evidence> where;
    if (!c.evidence.empty()) where.push_back(c.evidence.front());
    Match m{c, s, id, entries, std::move(*details), c.version, std::move(where)};
    if (git_only) {
      Finding f = MakeFinding(m, "AISEC-VULN-UNEVALUATED", "");
      f.severity = Severity::kInfo;
      f.confidence = 0.3;
      f.remediation =
          "The advisory names only git commit ranges, which aisec does not evaluate; "
          "check whether this version contains the fix.";
      ctx.result.findings.push_back(std::move(f));
      continue;
    }
    if (!upgrade) {
      auto from = s.Parse(c.version);
      upgrade = from.ok() ? osv::UpgradeFinder(s, all).Above(*from) : std::nullopt;
    }
    Finding f = MakeFinding(m, "AISEC-VULN", *upgrade ? osv::UpgradeText(**upgrade) : "");
    f.remediation = ExactRemediation(c, *upgrade);
    ctx.result.findings.push_back(std::move(f));
  }
}

// One requirement declared for the package and the places that declare it.
struct Declared {
  std::string spec;
  std::vector<Evidence> where;
};

// Each distinct range the package is declared with, in evidence order; the component's own
// range when no evidence records one.
std::vector<Declared> DeclaredRanges(const Component& c) {
  std::vector<Declared> out;
  for (const Evidence& e : c.evidence) {
    if (e.version_spec.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const Declared& d) { return d.spec == e.version_spec; });
    if (it == out.end()) it = out.insert(out.end(), Declared{e.version_spec, {}});
    it->where.push_back(e);
  }
  if (out.empty() && !c.version_spec.empty()) {
    out.push_back({c.version_spec, {}});
    if (!c.evidence.empty()) out.back().where.push_back(c.evidence.front());
  }
  return out;
}

std::string RangeAdvice(const std::optional<version::Bound>& up, bool within) {
  if (!up)
    return " No upgrade that leaves every affected version out is known; pin a safe version.";
  std::string from =
      up->inclusive ? "at least " + up->version.text() : "a version after " + up->version.text();
  if (within) return " Require " + from + ", or pin a safe version.";
  return " No version it admits is safe from some version on: widen it to require " + from + ".";
}

void VersionRange(Context& ctx, const Component& c, const Declared& declared, const Scheme& s,
                  const Advisories& all, osv::AdvisoryDb& db, const osv::UpgradeFinder& finder) {
  auto spec = s.ParseRange(declared.spec);
  if (!spec.ok()) return;
  VersionSet safe = spec->Intersect(s, finder.affected().Complement(s)).Normalized(s);
  bool within = false;
  auto up = finder.ForRequirement(*spec, &within);
  std::string safe_text = safe.IsEmpty(s) ? "none" : safe.ToString();
  for (const auto& [id, entries] : all) {
    VersionSet affected;
    for (const Affected& a : entries) affected.AddAll(osv::AffectedSet(a, s));
    if (!spec->Overlaps(s, affected)) continue;
    auto details = db.Details(id);
    if (!details.ok()) continue;
    Match m{c, s, id, entries, std::move(*details), declared.spec, declared.where};
    Finding f = MakeFinding(m, "AISEC-VULN-RANGE", up ? osv::UpgradeText(*up) : "");
    f.confidence = 0.5;
    f.title = "May be affected: " + f.title;
    f.properties["safe_within_requirement"] = safe_text;
    f.remediation = fmt::format(
        "The requirement '{}' admits affected versions. Versions it admits that no known advisory "
        "affects: {}.{}",
        declared.spec, safe_text, RangeAdvice(up, within));
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
        if (!c.version.empty()) {
          ExactVersion(ctx, c, *s, all, db);
          return;
        }
        auto ranges = DeclaredRanges(c);
        if (ranges.empty()) return;
        osv::UpgradeFinder finder(*s, all);
        for (const Declared& d : ranges) VersionRange(ctx, c, d, *s, all, db, finder);
      });
}

}  // namespace aisec::assess
