#pragma once
// RubyGems versions (Gem::Version): dot-separated segments where runs of digits and runs of
// letters are separate segments ("1.0.0.a1" is 1,0,0,"a",1); a version with a letter is a
// pre-release and sorts before the release; "-" means ".pre."; trailing zeros of the release
// and of the pre-release part do not count.
#include "assess/version/scheme.h"

namespace aisec::assess::version {

const Scheme& RubyGems();

}  // namespace aisec::assess::version
