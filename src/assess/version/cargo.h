#pragma once
// Cargo (crates.io): strict SemVer 2.0.0 versions; requirements in Cargo's syntax, where a bare
// version means "^version" and comparators are joined by commas.
#include "assess/version/scheme.h"

namespace aisec::assess::version {

const Scheme& Cargo();

}  // namespace aisec::assess::version
