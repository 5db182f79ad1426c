#pragma once
// What every pipeline (`scan`, `models`) does to a result before handing it out.
#include <string>

#include "core/scan_result.h"

namespace aisec::scan {

// Current time, RFC 3339 UTC.
std::string NowRfc3339();

// Orders warnings by place and findings by severity (highest first), rule and fingerprint, so
// that reports are stable across runs and thread counts.
void SortResult(ScanResult& result);

}  // namespace aisec::scan
