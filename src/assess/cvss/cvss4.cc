// CVSS v4.0 base score: placeholder until the macro-vector implementation lands.
#include "assess/cvss/cvss.h"

namespace aisec::assess::cvss {

Result<double> Cvss4BaseScore(std::string_view vector) {
  return Error{ErrorCode::kUnsupported, "CVSS v4.0 scoring not available", {}};
}

}  // namespace aisec::assess::cvss
