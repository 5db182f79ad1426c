#pragma once
// NuGet package versions: SemVer 2.0.0 plus the legacy forms NuGet still accepts — one to four
// numeric parts ("1.0", "1.0.0.1"; missing parts are 0, leading zeros ignored) — with
// pre-release labels compared without regard to case. Ranges use interval notation, where a
// bare version is a minimum.
#include "assess/version/scheme.h"

namespace aisec::assess::version {

const Scheme& NuGet();

}  // namespace aisec::assess::version
