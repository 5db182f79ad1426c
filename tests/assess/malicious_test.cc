#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

const Finding* Malicious(const ScanResult& r, const std::string& name) {
  for (const auto& f : r.findings) {
    if (f.rule_id == "AISEC-MALICIOUS" && f.component_ref.find(name) != std::string::npos) return &f;
  }
  return nullptr;
}

TEST(Malicious, KnownMaliciousPackageIsCritical) {
  testing::TempDir dir;
  dir.Write("app/requirements.txt", "openaii==1.55.3\ntransfomers\nopenai==1.54.0\n");
  auto r = Scan({.root = dir / "app"});  // bundled snapshot
  ASSERT_TRUE(r.ok());
  const Finding* openaii = Malicious(*r, "openaii");
  ASSERT_NE(openaii, nullptr);
  EXPECT_EQ(openaii->severity, Severity::kCritical);
  EXPECT_EQ(openaii->properties.at("advisory"), "MAL-2026-16135");
  EXPECT_EQ(openaii->frameworks.at("cwe"), std::vector<std::string>{"CWE-506"});
  // Unpinned: whatever gets installed is the malicious package.
  const Finding* transfomers = Malicious(*r, "transfomers");
  ASSERT_NE(transfomers, nullptr);
  EXPECT_EQ(transfomers->severity, Severity::kCritical);
  EXPECT_EQ(Malicious(*r, "pkg:pypi/openai@"), nullptr);
  // The report is not also a vulnerability finding.
  for (const auto& f : r->findings) EXPECT_NE(f.rule_id == "AISEC-VULN" && f.component_ref.find("openaii") != std::string::npos, true);
}

TEST(Malicious, OtherVersionOfAReportedPackageIsHigh) {
  testing::TempDir dir;
  dir.Write("app/requirements.txt", "openaii==0.1.0\n");
  auto r = Scan({.root = dir / "app"});
  ASSERT_TRUE(r.ok());
  const Finding* f = Malicious(*r, "openaii");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kHigh);
}

}  // namespace
}  // namespace aisec
