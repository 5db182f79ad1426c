#pragma once
// Maven versions, ordered like Maven's ComparableVersion (POM reference, "Version Order
// Specification"): tokens split on '.', '-' and digit/letter transitions; trailing "null" values
// (0, "", "final", "ga", "release") trimmed at every hyphen; qualifiers ordered
// alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp, then unknown
// qualifiers alphabetically; "a1"/"b1"/"m1" mean alpha/beta/milestone 1. Every string is a valid
// Maven version.
#include <string>
#include <vector>

#include "assess/version/scheme.h"

namespace aisec::assess::version {

struct MavenItem {
  enum class Kind : uint8_t { kInt, kString, kList };
  Kind kind = Kind::kList;
  std::string value;              // digits (kInt) or the aliased qualifier (kString)
  std::vector<MavenItem> items;   // kList
};

struct MavenVersion : ParsedVersion {
  MavenItem items;  // the top-level list
};

const Scheme& Maven();

// The parsed structure in Maven's own notation, e.g. "1-alpha-2" -> "1-[alpha-[2]]"; for tests.
std::string MavenCanonical(std::string_view text);

}  // namespace aisec::assess::version
