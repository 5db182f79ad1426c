// data/model-security/rules.yaml: every model-security rule, with its fields.
#include "assess/model/findings.h"

#include <gtest/gtest.h>

#include <set>

#include "core/data.h"

namespace aisec::assess::model {
namespace {

TEST(ModelSecurityRules, DataFileIsWellFormed) {
  auto text = DataFile("model-security/rules.yaml");
  ASSERT_TRUE(text.has_value());
  auto rules = SecurityRules::Load(*text);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  std::set<std::string> known_frameworks = {"cwe", "owasp_llm_2025", "atlas"};
  for (const auto& r : rules->all()) {
    EXPECT_FALSE(r.description.empty()) << r.id;
    for (const auto& [name, entries] : r.frameworks) {
      EXPECT_TRUE(known_frameworks.contains(name)) << r.id << ": " << name;
      EXPECT_FALSE(entries.empty()) << r.id << ": " << name;
    }
    EXPECT_TRUE(r.frameworks.contains("cwe")) << r.id;
  }
  for (const char* id : {"AISEC-MODEL-COREML-MALFORMED", "AISEC-MODEL-COREML-CUSTOM-MODEL",
                         "AISEC-MODEL-COREML-CUSTOM-LAYER", "AISEC-MODEL-COREML-CUSTOM-OP"}) {
    ASSERT_NE(rules->Find(id), nullptr) << id;
  }
  EXPECT_EQ(rules->Find("AISEC-MODEL-COREML-CUSTOM-OP")->severity, Severity::kMedium);
  EXPECT_EQ(rules->Find("AISEC-MODEL-COREML-MALFORMED")->severity, Severity::kHigh);
}

TEST(ModelSecurityRules, RejectsBrokenRules) {
  const std::string rule =
      "  - {id: AISEC-MODEL-X, title: t, severity: high, remediation: r, frameworks: {cwe: [CWE-1]}}\n";
  EXPECT_TRUE(SecurityRules::Load("version: 1\nrules:\n" + rule).ok());
  EXPECT_FALSE(SecurityRules::Load("rules:\n" + rule).ok());                    // no version
  EXPECT_FALSE(SecurityRules::Load("version: 1\nrules:\n" + rule + rule).ok());  // duplicate
  EXPECT_FALSE(SecurityRules::Load(
                   "version: 1\nrules:\n  - {id: AISEC-MODEL-X, title: t, severity: bad, remediation: r, "
                   "frameworks: {cwe: [CWE-1]}}\n")
                   .ok());
  EXPECT_FALSE(SecurityRules::Load(
                   "version: 1\nrules:\n  - {id: OTHER-X, title: t, severity: high, remediation: r, "
                   "frameworks: {cwe: [CWE-1]}}\n")
                   .ok());
}

}  // namespace
}  // namespace aisec::assess::model
