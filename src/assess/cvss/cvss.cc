// Shared CVSS helpers: vector splitting, dispatch by version, qualitative rating.
#include "assess/cvss/cvss.h"

#include "core/strings.h"

namespace aisec::assess::cvss {

Result<std::map<std::string, std::string, std::less<>>> SplitVector(std::string_view vector,
                                                                   std::string* prefix) {
  std::map<std::string, std::string, std::less<>> out;
  auto parts = Split(Trim(vector), '/');
  for (size_t i = 0; i < parts.size(); ++i) {
    size_t colon = parts[i].find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == parts[i].size()) {
      return Error{ErrorCode::kParse, "malformed CVSS metric '" + std::string(parts[i]) + "'", {}};
    }
    if (i == 0) {
      if (prefix) *prefix = std::string(parts[i]);
      continue;
    }
    std::string key(parts[i].substr(0, colon));
    if (!out.emplace(key, std::string(parts[i].substr(colon + 1))).second) {
      return Error{ErrorCode::kParse, "CVSS metric " + key + " given twice", {}};
    }
  }
  return out;
}

Result<double> BaseScore(std::string_view vector) {
  std::string_view v = Trim(vector);
  if (v.starts_with("CVSS:3.")) return Cvss3BaseScore(v);
  if (v.starts_with("CVSS:4.0/")) return Cvss4BaseScore(v);
  return Error{ErrorCode::kUnsupported, "unsupported CVSS vector '" + std::string(v) + "'", {}};
}

Severity SeverityForScore(double score) {
  if (score >= 9.0) return Severity::kCritical;
  if (score >= 7.0) return Severity::kHigh;
  if (score >= 4.0) return Severity::kMedium;
  if (score >= 0.1) return Severity::kLow;
  return Severity::kInfo;
}

}  // namespace aisec::assess::cvss
