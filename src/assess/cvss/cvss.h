#pragma once
// CVSS base scores, computed from vector strings as the FIRST specifications define them:
// v3.0 and v3.1 (cvss3.cc) and v4.0 (cvss4.cc, macro vectors and interpolation).
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/severity.h"

namespace aisec::assess::cvss {

// "CVSS:3.1/AV:N/…" -> {"AV": "N", …}; kParse on a malformed vector or a repeated metric.
// `prefix` is the version label, e.g. "CVSS:3.1".
Result<std::map<std::string, std::string, std::less<>>> SplitVector(std::string_view vector,
                                                                   std::string* prefix);

Result<double> Cvss3BaseScore(std::string_view vector);  // "CVSS:3.0/…" or "CVSS:3.1/…"
Result<double> Cvss4BaseScore(std::string_view vector);  // "CVSS:4.0/…"

// Dispatches on the version label.
Result<double> BaseScore(std::string_view vector);

// The qualitative rating shared by v3 and v4: 0 none (info), 0.1-3.9 low, 4.0-6.9 medium,
// 7.0-8.9 high, 9.0-10.0 critical.
Severity SeverityForScore(double score);

}  // namespace aisec::assess::cvss
