#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/component.h"
#include "core/severity.h"

namespace aisec {

struct Finding {
  std::string rule_id;      // e.g. "AISEC-VULN", "AISEC-PICKLE-GLOBAL"
  std::string title;
  Severity severity = Severity::kInfo;
  double confidence = 1.0;
  std::string component_ref;  // Component::Key() of the component concerned, may be empty
  std::vector<Evidence> evidence;
  std::string description;
  std::string remediation;
  std::vector<std::string> references;
  // Framework mappings: "owasp_llm_2025" -> ["LLM03"], "cwe" -> ["CWE-502"], …
  std::map<std::string, std::vector<std::string>> frameworks;
  std::map<std::string, std::string> properties;
  std::string fingerprint;  // stable across runs and line shifts; see Fingerprint()

  // rule + component + normalised location (path only, no line) + discriminator.
  static std::string Fingerprint(const std::string& rule_id, const std::string& component_ref,
                                 const std::string& path, const std::string& discriminator);
};

}  // namespace aisec
