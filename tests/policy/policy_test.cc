#include "policy/policy.h"

#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec::policy {
namespace {

Finding F(std::string rule, Severity sev, std::string path, std::string fp) {
  Finding f;
  f.rule_id = std::move(rule);
  f.severity = sev;
  f.evidence.push_back(Evidence{Location{std::move(path), 1, 0, 0}, "", EvidenceMethod::kCall});
  f.fingerprint = std::move(fp);
  return f;
}

TEST(Policy, ThresholdOverridesExemptionsAndExpiry) {
  auto p = ParsePolicy(R"(
version: 1
fail_on: medium
rules:
  "AISEC-LICENSE-*": warn
  AISEC-SHADOW-UNDECLARED: ignore
exemptions:
  - {rule: AISEC-CODE-PICKLE-LOAD, path: "tests/**", reason: fixtures}
  - {fingerprint: abc, reason: accepted, expires: "2020-01-01"}
)", "p.yaml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  ScanResult r;
  r.findings = {F("AISEC-LICENSE-STRONG-COPYLEFT", Severity::kHigh, "a", "1"),
                F("AISEC-SHADOW-UNDECLARED", Severity::kMedium, "a", "2"),
                F("AISEC-CODE-PICKLE-LOAD", Severity::kMedium, "tests/x/t.py", "3"),
                F("AISEC-CODE-PICKLE-LOAD", Severity::kMedium, "src/t.py", "4"),
                F("AISEC-CODE-TRUST-REMOTE-CODE", Severity::kHigh, "src/m.py", "abc")};
  Apply(*p, r, "2026-11-26");
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.stats.findings_suppressed, 2u);
  EXPECT_EQ(r.findings[0].properties.at("aisec:policy"), "warn");
  EXPECT_EQ(r.findings[1].properties.at("aisec:policy"), "fail");  // medium >= fail_on
  EXPECT_EQ(r.findings[2].properties.at("aisec:policy"), "fail");  // exemption expired
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Policy, RejectsMistakes) {
  EXPECT_FALSE(ParsePolicy("fail_on: severe\n", "p").ok());
  EXPECT_FALSE(ParsePolicy("rules: {X: block}\n", "p").ok());
  EXPECT_FALSE(ParsePolicy("exemptions: [{rule: X}]\n", "p").ok());  // no reason
  EXPECT_FALSE(ParsePolicy("exemptions: [{reason: why}]\n", "p").ok());  // matches everything
  EXPECT_FALSE(ParsePolicy("fial_on: high\n", "p").ok());
}

TEST(Policy, BaselineAcceptsKnownFindings) {
  testing::TempDir dir;
  dir.Write("app.py", "import torch\nm = torch.load(p)\n");
  auto first = testing::RunAisec({"scan", dir.path().string(), "-f", "json", "-o", (dir / "base.json").string()});
  EXPECT_EQ(first.exit_code, 1) << first.err;  // unsafe torch.load is high
  auto again = testing::RunAisec({"scan", dir.path().string(), "-f", "json", "--exclude", "base.json",
                                  "--baseline", (dir / "base.json").string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("\"baseline\""), std::string::npos);
  dir.Write("app.py", "import torch\n\nm = torch.load(p)\nn = torch.load(q, weights_only=False)\n");
  auto moved = testing::RunAisec({"scan", dir.path().string(), "-f", "json", "--exclude", "base.json",
                                  "--baseline", (dir / "base.json").string()});
  EXPECT_EQ(moved.exit_code, 1);  // the line moved (still baseline); a new call fails
  auto bad = testing::RunAisec({"scan", dir.path().string(), "--baseline", (dir / "app.py").string()});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace aisec::policy
