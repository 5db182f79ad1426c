#pragma once
// Go module versions: SemVer with a "v" prefix (OSV writes them without it), the shorthand
// "v1.2" for "v1.2.0", "+incompatible" (build metadata, so no effect on order) and
// pseudo-versions such as v0.0.0-20191109021931-daa7c04131f5, which are SemVer pre-releases and
// order by their base version, then by commit time.
#include <string_view>

#include "assess/version/scheme.h"

namespace aisec::assess::version {

const Scheme& Go();

// True for the three pseudo-version forms (vX.0.0-yyyymmddhhmmss-rev,
// vX.Y.Z-pre.0.yyyymmddhhmmss-rev, vX.Y.(Z+1)-0.yyyymmddhhmmss-rev).
bool IsGoPseudoVersion(std::string_view version);

}  // namespace aisec::assess::version
