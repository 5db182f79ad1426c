#include "assess/osv/upgrade.h"

#include <algorithm>

#include "assess/osv/evaluate.h"

namespace aisec::assess::osv {

using version::Bound;
using version::Interval;
using version::Version;
using version::VersionSet;

UpgradeFinder::UpgradeFinder(const version::Scheme& s, const PackageAdvisories& all) : s_(s) {
  for (const auto& [id, entries] : all) {
    for (const Affected& a : entries) {
      affected_.AddAll(AffectedSet(a, s));
      for (const Range& r : a.ranges) {
        if (r.type == RangeType::kGit) continue;
        for (const Event& e : r.events) {
          if (e.kind != EventKind::kFixed && e.kind != EventKind::kLastAffected) continue;
          auto v = s.Parse(e.version);
          if (v.ok()) candidates_.push_back(Bound{std::move(*v), e.kind == EventKind::kFixed});
        }
      }
    }
  }
  affected_ = affected_.Normalized(s);
  safe_ = affected_.Complement(s).Normalized(s);
  // Ascending; at one version, "from X" comes before "after X".
  std::stable_sort(candidates_.begin(), candidates_.end(), [&](const Bound& a, const Bound& b) {
    int c = s.Compare(a.version, b.version);
    return c != 0 ? c < 0 : a.inclusive && !b.inclusive;
  });
}

// The versions at (inclusive) or right after (exclusive) the bound are in one safe interval.
bool UpgradeFinder::StartsSafe(const Bound& b) const {
  return std::any_of(safe_.intervals().begin(), safe_.intervals().end(), [&](const Interval& i) {
    if (b.inclusive) return version::IntervalContains(s_, i, b.version);
    bool starts = !i.lower || s_.Compare(i.lower->version, b.version) <= 0;
    bool extends = !i.upper || s_.Compare(i.upper->version, b.version) > 0;
    return starts && extends;
  });
}

std::optional<Bound> UpgradeFinder::Above(const Version& current) const {
  for (const Bound& b : candidates_) {
    int c = s_.Compare(b.version, current);
    if ((c > 0 || (c == 0 && !b.inclusive)) && StartsSafe(b)) return b;
  }
  return std::nullopt;
}

std::optional<Bound> UpgradeFinder::ForRequirement(const VersionSet& requirement,
                                                   bool* within) const {
  *within = true;
  for (const Bound& b : candidates_) {
    VersionSet admitted = requirement.Intersect(s_, VersionSet::Of(Interval{b, std::nullopt}));
    if (!admitted.IsEmpty(s_) && !admitted.Overlaps(s_, affected_)) return b;
  }
  *within = false;
  VersionSet exposed = requirement.Intersect(s_, affected_);
  for (const Bound& b : candidates_) {
    if (!exposed.Overlaps(s_, VersionSet::Of(Interval{b, std::nullopt}))) {
      if (StartsSafe(b)) return b;
    }
  }
  return std::nullopt;
}

std::string UpgradeText(const Bound& b) {
  return b.inclusive ? b.version.text() : ">" + b.version.text();
}

}  // namespace aisec::assess::osv
