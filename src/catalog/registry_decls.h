#pragma once
// Entry points of every cataloger, one per format file, grouped by ecosystem. Only registry.cc
// and the tests include this.
#include "catalog/cataloger.h"

namespace aisec::catalog {
namespace python {
void RequirementsTxt(Context& ctx);
}  // namespace python
}  // namespace aisec::catalog
