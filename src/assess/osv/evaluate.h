#pragma once
// Whether a package version is affected by an OSV `affected` entry, exactly as the OSV schema's
// "Evaluation" section defines it: the `versions` list, and per range the events sorted by
// version with introduced (inclusive), fixed (exclusive), last_affected (inclusive) and limit
// (exclusive upper limit, "*" = none). GIT ranges need the repository's history and are
// reported as not evaluated, never guessed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/osv/advisory.h"
#include "assess/version/range.h"
#include "assess/version/scheme.h"

namespace aisec::assess::osv {

enum class Verdict : uint8_t {
  kNotAffected,
  kAffected,
  kUnknown,  // nothing could be evaluated (GIT-only ranges, unparseable versions, no scheme)
};

struct Evaluation {
  Verdict verdict = Verdict::kNotAffected;
  bool git_only = false;  // the entry has GIT ranges and nothing else to evaluate
  std::string note;       // why the verdict is kUnknown, when it is
};

// The scheme to order a range's versions: SEMVER ranges use SemVer (or the ecosystem's own
// SemVer-compatible scheme), ECOSYSTEM ranges the ecosystem's scheme; null for GIT and unknown.
const version::Scheme* SchemeForRange(const Range& r, const version::Scheme* ecosystem);

// Evaluates `version` against one entry. `ecosystem` may be null when aisec has no ordering for
// the ecosystem; then only exact string matches in `versions` count.
Evaluation Evaluate(const Affected& a, const version::Scheme* ecosystem, std::string_view version);

// The OSV algorithm for one non-GIT range. nullopt when an event's version does not parse.
std::optional<bool> RangeIncludes(const Range& r, const version::Scheme& s,
                                  const version::Version& v);

// The versions an entry affects as a set of intervals (ranges and listed versions), for overlap
// with a requirement range. Ranges whose versions do not parse, and GIT ranges, are left out.
version::VersionSet AffectedSet(const Affected& a, const version::Scheme& s);

// Every `fixed` version of the entry's non-GIT ranges, as written.
std::vector<std::string> FixedVersions(const Affected& a);

}  // namespace aisec::assess::osv
