#pragma once
// Classifies a component's licence (an SPDX expression, a free-text name or a model licence such
// as "llama3.1" or "creativeml-openrail-m") into a class with the conditions that matter, from
// data/licenses/{classes,model-licenses,aliases}.yaml. Thread-safe; data loaded once.
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.h"

namespace aisec::assess::license {

enum class LicenseClass : uint8_t {
  // In order of how much they restrict; an OR takes the least, an AND the most restrictive.
  kPermissive, kWeakCopyleft, kProprietary, kUseRestricted, kStrongCopyleft, kNetworkCopyleft,
  kNonCommercial, kUnknown,
};
std::string_view LicenseClassName(LicenseClass c);  // "permissive", "weak-copyleft", …

struct Classification {
  LicenseClass cls = LicenseClass::kUnknown;
  std::string expression;               // normalised SPDX expression or LicenseRef
  std::string title;                    // class title
  std::vector<std::string> conditions;  // what a user must do or must not do
  Severity severity = Severity::kInfo;
  bool report = false;                  // the class warrants a finding by default
  std::string model_license;            // key in model-licenses.yaml when a model licence
};

Classification Classify(std::string_view license_text);

}  // namespace aisec::assess::license
