#include "assess/osv/evaluate.h"

#include <algorithm>

#include "assess/version/semver.h"

namespace aisec::assess::osv {
namespace {

using version::Bound;
using version::Interval;
using version::Scheme;
using version::Version;
using version::VersionSet;

struct SortedEvent {
  EventKind kind;
  std::optional<Version> version;  // absent for introduced "0" and limit "*"
};

// Ties between events at one version keep introduced first, so that a zero-width range
// ("introduced X, fixed X") affects nothing rather than everything from X on.
std::optional<std::vector<SortedEvent>> SortEvents(const Range& r, const Scheme& s) {
  std::vector<SortedEvent> out;
  for (const Event& e : r.events) {
    bool zero = e.kind == EventKind::kIntroduced && e.version == "0";
    bool infinite = e.kind == EventKind::kLimit && e.version.find('*') != std::string::npos;
    if (zero || infinite) {
      out.push_back({e.kind, std::nullopt});
      continue;
    }
    auto v = s.Parse(e.version);
    if (!v.ok()) return std::nullopt;
    out.push_back({e.kind, std::move(*v)});
  }
  // "0" sorts before every version and "*" after every one.
  auto place = [](const SortedEvent& e) {
    return e.version ? 1 : (e.kind == EventKind::kIntroduced ? 0 : 2);
  };
  std::stable_sort(out.begin(), out.end(), [&](const SortedEvent& a, const SortedEvent& b) {
    if (place(a) != place(b)) return place(a) < place(b);
    if (place(a) != 1) return false;
    int c = s.Compare(*a.version, *b.version);
    if (c != 0) return c < 0;
    return a.kind == EventKind::kIntroduced && b.kind != EventKind::kIntroduced;
  });
  return out;
}

bool BeforeLimits(const std::vector<SortedEvent>& events, const Scheme& s, const Version& v) {
  bool any = false;
  for (const auto& e : events) {
    if (e.kind != EventKind::kLimit) continue;
    any = true;
    if (!e.version || s.Compare(v, *e.version) < 0) return true;
  }
  return !any;
}

bool HasEvaluableRange(const Affected& a) {
  return std::any_of(a.ranges.begin(), a.ranges.end(),
                     [](const Range& r) { return r.type != RangeType::kGit; });
}

}  // namespace

const Scheme* SchemeForRange(const Range& r, const Scheme* ecosystem) {
  switch (r.type) {
    case RangeType::kEcosystem: return ecosystem;
    case RangeType::kSemver: {
      // Go, Cargo and npm order exactly like SemVer and accept OSV's spellings.
      if (ecosystem && (ecosystem->name() == "go" || ecosystem->name() == "cargo" ||
                        ecosystem->name() == "semver")) {
        return ecosystem;
      }
      return &version::Semver();
    }
    default: return nullptr;
  }
}

std::optional<bool> RangeIncludes(const Range& r, const Scheme& s, const Version& v) {
  auto events = SortEvents(r, s);
  if (!events) return std::nullopt;
  if (!BeforeLimits(*events, s, v)) return false;
  bool vulnerable = false;
  for (const auto& e : *events) {
    switch (e.kind) {
      case EventKind::kIntroduced:
        if (!e.version || s.Compare(v, *e.version) >= 0) vulnerable = true;
        break;
      case EventKind::kFixed:
        if (s.Compare(v, *e.version) >= 0) vulnerable = false;
        break;
      case EventKind::kLastAffected:
        if (s.Compare(v, *e.version) > 0) vulnerable = false;
        break;
      case EventKind::kLimit: break;
    }
  }
  return vulnerable;
}

Evaluation Evaluate(const Affected& a, const Scheme* ecosystem, std::string_view text) {
  Evaluation out;
  std::optional<Version> parsed;
  if (ecosystem) {
    if (auto v = ecosystem->Parse(text); v.ok()) parsed = std::move(*v);
  }
  // The versions list counts exact strings first (cheap); versions equal under the scheme
  // ("1.0" and "1.0.0") are checked after the ranges, which usually answer first.
  for (const std::string& listed : a.versions) {
    if (listed == text) return {Verdict::kAffected, false, {}};
  }
  bool evaluated = !a.versions.empty();
  for (const Range& r : a.ranges) {
    const Scheme* s = SchemeForRange(r, ecosystem);
    if (!s) continue;
    auto v = s == ecosystem && parsed ? Result<Version>(*parsed) : s->Parse(text);
    if (!v.ok()) {
      out.note = "version '" + std::string(text) + "' is not a valid " + std::string(s->name()) +
                 " version";
      continue;
    }
    auto in = RangeIncludes(r, *s, *v);
    if (!in) {
      out.note = "a range of the advisory holds a version that does not parse";
      continue;
    }
    evaluated = true;
    if (*in) return {Verdict::kAffected, false, {}};
  }
  if (parsed) {
    for (const std::string& listed : a.versions) {
      auto lv = ecosystem->Parse(listed);
      if (lv.ok() && ecosystem->Compare(*parsed, *lv) == 0) return {Verdict::kAffected, false, {}};
    }
  }
  if (evaluated) return {Verdict::kNotAffected, false, {}};
  out.verdict = Verdict::kUnknown;
  out.git_only = !a.ranges.empty() && !HasEvaluableRange(a);
  if (out.git_only) out.note = "only GIT commit ranges, which are not evaluated";
  else if (out.note.empty()) out.note = "no ordering known for ecosystem " + a.ecosystem;
  return out;
}

VersionSet AffectedSet(const Affected& a, const Scheme& s) {
  VersionSet out;
  for (const std::string& listed : a.versions) {
    if (auto v = s.Parse(listed); v.ok()) out.Add(Interval::Exactly(*v));
  }
  for (const Range& r : a.ranges) {
    if (r.type == RangeType::kGit) continue;
    auto events = SortEvents(r, s);
    if (!events) continue;
    VersionSet ranges;
    std::optional<Interval> open;
    for (const auto& e : *events) {
      if (e.kind == EventKind::kIntroduced && !open) {
        open = Interval{};
        if (e.version) open->lower = Bound{*e.version, true};
      } else if ((e.kind == EventKind::kFixed || e.kind == EventKind::kLastAffected) && open) {
        open->upper = Bound{*e.version, e.kind == EventKind::kLastAffected};
        ranges.Add(*open);
        open.reset();
      }
    }
    if (open) ranges.Add(*open);
    // Limits: only versions below the greatest limit count.
    VersionSet limit;
    for (const auto& e : *events) {
      if (e.kind != EventKind::kLimit) continue;
      limit.Add(e.version ? Interval::Below(*e.version) : Interval{});
    }
    out.AddAll(limit.intervals().empty() ? ranges : ranges.Intersect(s, limit));
  }
  return out;
}

std::vector<std::string> FixedVersions(const Affected& a) {
  std::vector<std::string> out;
  for (const Range& r : a.ranges) {
    if (r.type == RangeType::kGit) continue;
    for (const Event& e : r.events) {
      if (e.kind == EventKind::kFixed) out.push_back(e.version);
    }
  }
  return out;
}

}  // namespace aisec::assess::osv
