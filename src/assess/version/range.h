#pragma once
// Sets of versions as unions of intervals, for requirement ranges ("torch>=2.0,<2.3",
// "^1.2.3", "[1.0,2.0)") and for the affected ranges of advisories. All operations take the
// Scheme the versions came from.
#include <optional>
#include <string>
#include <vector>

#include "assess/version/scheme.h"

namespace aisec::assess::version {

struct Bound {
  Version version;
  bool inclusive = true;
};

// [lower, upper] with open or closed ends; an absent bound is unbounded.
struct Interval {
  std::optional<Bound> lower;
  std::optional<Bound> upper;

  static Interval Exactly(const Version& v) { return Interval{Bound{v, true}, Bound{v, true}}; }
  static Interval AtLeast(const Version& v) { return Interval{Bound{v, true}, std::nullopt}; }
  static Interval Below(const Version& v) { return Interval{std::nullopt, Bound{v, false}}; }
};

class VersionSet {
 public:
  VersionSet() = default;  // empty
  static VersionSet All() { return VersionSet({Interval{}}); }
  static VersionSet Of(Interval i) { return VersionSet({std::move(i)}); }
  explicit VersionSet(std::vector<Interval> intervals) : intervals_(std::move(intervals)) {}

  void Add(Interval i) { intervals_.push_back(std::move(i)); }
  void AddAll(const VersionSet& other);
  const std::vector<Interval>& intervals() const { return intervals_; }

  bool Contains(const Scheme& s, const Version& v) const;
  VersionSet Intersect(const Scheme& s, const VersionSet& other) const;
  bool IsEmpty(const Scheme& s) const;
  bool Overlaps(const Scheme& s, const VersionSet& other) const {
    return !Intersect(s, other).IsEmpty(s);
  }
  // Sorted, with overlapping and touching intervals merged, empty ones dropped.
  VersionSet Normalized(const Scheme& s) const;
  // Every version not in this set.
  VersionSet Complement(const Scheme& s) const;
  // ">=2.0, <2.3 || ==3.1", "*" for everything, "none" for the empty set.
  std::string ToString() const;

 private:
  std::vector<Interval> intervals_;
};

bool IntervalContains(const Scheme& s, const Interval& i, const Version& v);
bool IntervalEmpty(const Scheme& s, const Interval& i);
std::string IntervalToString(const Interval& i);

// Range syntaxes shared by several schemes (npm_range.cc, maven_range.cc).
// npm ranges: comparators, "^", "~", x-ranges, hyphen ranges, "||". `caret_default` treats a
// bare version as "^version" (Cargo) instead of "=version" (npm).
Result<VersionSet> ParseNpmRange(const Scheme& s, std::string_view spec, bool caret_default);
// Maven/NuGet interval notation: "[1.0,2.0)", "(,1.0]", "[1.2]", unions "[1,2),[3,)". A bare
// version is exactly that version for Maven (`bare_is_minimum` false) and a minimum for NuGet.
Result<VersionSet> ParseIntervalRange(const Scheme& s, std::string_view spec,
                                      bool bare_is_minimum);

// Composer constraints: "^1.2", "~1.2" (>=1.2 <2.0), "1.0.*", hyphen ranges, "," or space for
// AND, "|" or "||" for OR; "@dev" stability flags are ignored.
Result<VersionSet> ParseComposerRange(const Scheme& s, std::string_view spec);

}  // namespace aisec::assess::version
