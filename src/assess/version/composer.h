#pragma once
// Composer (Packagist) versions as Composer normalises them: an optional "v", up to four numeric
// parts (missing ones are 0), then a stability suffix ordered
// dev < alpha (a) < beta (b) < RC < stable < patch (pl, p), with an optional number, and a
// trailing "-dev" that sorts before the same version without it. Branch names ("dev-main") are
// not versions.
#include "assess/version/scheme.h"

namespace aisec::assess::version {

const Scheme& Composer();

}  // namespace aisec::assess::version
