#include "assess/version/range.h"

#include <algorithm>

namespace aisec::assess::version {
namespace {

// Orders lower bounds: unbounded first; at the same version an inclusive bound starts earlier.
bool LowerLess(const Scheme& s, const std::optional<Bound>& a, const std::optional<Bound>& b) {
  if (!a || !b) return !a && b;
  int c = s.Compare(a->version, b->version);
  if (c != 0) return c < 0;
  return a->inclusive && !b->inclusive;
}

// Orders upper bounds: at the same version an exclusive bound ends earlier; unbounded last.
bool UpperLess(const Scheme& s, const std::optional<Bound>& a, const std::optional<Bound>& b) {
  if (!a || !b) return a && !b;
  int c = s.Compare(a->version, b->version);
  if (c != 0) return c < 0;
  return !a->inclusive && b->inclusive;
}

// True when an interval ending at `upper` and one starting at `lower` leave no version between
// them (they overlap or touch).
bool Touches(const Scheme& s, const std::optional<Bound>& upper, const std::optional<Bound>& lower) {
  if (!upper || !lower) return true;
  int c = s.Compare(lower->version, upper->version);
  if (c != 0) return c < 0;
  return lower->inclusive || upper->inclusive;
}

}  // namespace

std::optional<int> Scheme::CompareText(std::string_view a, std::string_view b) const {
  auto va = Parse(a);
  auto vb = Parse(b);
  if (!va.ok() || !vb.ok()) return std::nullopt;
  return Compare(*va, *vb);
}

Result<VersionSet> Scheme::ParseRange(std::string_view spec) const {
  return Error{ErrorCode::kUnsupported, "no range syntax for " + std::string(name()), {}};
}

bool IntervalContains(const Scheme& s, const Interval& i, const Version& v) {
  if (i.lower) {
    int c = s.Compare(v, i.lower->version);
    if (c < 0 || (c == 0 && !i.lower->inclusive)) return false;
  }
  if (i.upper) {
    int c = s.Compare(v, i.upper->version);
    if (c > 0 || (c == 0 && !i.upper->inclusive)) return false;
  }
  return true;
}

bool IntervalEmpty(const Scheme& s, const Interval& i) {
  if (!i.lower || !i.upper) return false;
  int c = s.Compare(i.lower->version, i.upper->version);
  return c > 0 || (c == 0 && !(i.lower->inclusive && i.upper->inclusive));
}

std::string IntervalToString(const Interval& i) {
  if (!i.lower && !i.upper) return "*";
  if (i.lower && i.upper && i.lower->inclusive && i.upper->inclusive &&
      i.lower->version.text() == i.upper->version.text()) {
    return "=" + i.lower->version.text();
  }
  std::string out;
  if (i.lower) out += (i.lower->inclusive ? ">=" : ">") + i.lower->version.text();
  if (i.upper) {
    if (!out.empty()) out += ", ";
    out += (i.upper->inclusive ? "<=" : "<") + i.upper->version.text();
  }
  return out;
}

void VersionSet::AddAll(const VersionSet& other) {
  intervals_.insert(intervals_.end(), other.intervals_.begin(), other.intervals_.end());
}

bool VersionSet::Contains(const Scheme& s, const Version& v) const {
  return std::any_of(intervals_.begin(), intervals_.end(),
                     [&](const Interval& i) { return IntervalContains(s, i, v); });
}

VersionSet VersionSet::Intersect(const Scheme& s, const VersionSet& other) const {
  VersionSet out;
  for (const Interval& a : intervals_) {
    for (const Interval& b : other.intervals_) {
      Interval i{LowerLess(s, a.lower, b.lower) ? b.lower : a.lower,
                 UpperLess(s, a.upper, b.upper) ? a.upper : b.upper};
      if (!IntervalEmpty(s, i)) out.Add(std::move(i));
    }
  }
  return out;
}

bool VersionSet::IsEmpty(const Scheme& s) const {
  return std::all_of(intervals_.begin(), intervals_.end(),
                     [&](const Interval& i) { return IntervalEmpty(s, i); });
}

VersionSet VersionSet::Normalized(const Scheme& s) const {
  std::vector<Interval> sorted;
  for (const Interval& i : intervals_) {
    if (!IntervalEmpty(s, i)) sorted.push_back(i);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Interval& a, const Interval& b) {
    return LowerLess(s, a.lower, b.lower);
  });
  std::vector<Interval> merged;
  for (Interval& i : sorted) {
    if (!merged.empty() && Touches(s, merged.back().upper, i.lower)) {
      if (UpperLess(s, merged.back().upper, i.upper)) merged.back().upper = i.upper;
      continue;
    }
    merged.push_back(std::move(i));
  }
  return VersionSet(std::move(merged));
}

VersionSet VersionSet::Complement(const Scheme& s) const {
  VersionSet norm = Normalized(s);
  VersionSet out;
  std::optional<Bound> start;  // lower bound of the next gap; unbounded at first
  bool open_start = true;
  for (const Interval& i : norm.intervals_) {
    if (i.lower) {
      Interval gap{start, Bound{i.lower->version, !i.lower->inclusive}};
      if (!IntervalEmpty(s, gap)) out.Add(std::move(gap));
    }
    if (!i.upper) return out;
    start = Bound{i.upper->version, !i.upper->inclusive};
    open_start = false;
  }
  if (open_start) return All();
  out.Add(Interval{start, std::nullopt});
  return out;
}

std::string VersionSet::ToString() const {
  if (intervals_.empty()) return "none";
  std::string out;
  for (const Interval& i : intervals_) {
    if (!out.empty()) out += " || ";
    out += IntervalToString(i);
  }
  return out;
}

}  // namespace aisec::assess::version
