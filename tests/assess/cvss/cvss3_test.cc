// CVSS v3.0/v3.1 base scores: worked examples and a cross-check table (see
// tests/fixtures/assess/cvss/make_vectors.js).
#include <gtest/gtest.h>

#include "assess/cvss/cvss.h"
#include "core/strings.h"
#include "test_util.h"

namespace aisec::assess::cvss {
namespace {

TEST(Cvss3, KnownScores) {
  const std::pair<const char*, double> cases[] = {
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6},  // GHSA-56xg-wfcc-g829
      {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N", 6.8},  // the OSV schema's example
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0},
      {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 5.3},
      {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1},
      {"CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6},
      {"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U", 9.8},  // base only
  };
  for (const auto& [v, score] : cases) {
    auto s = Cvss3BaseScore(v);
    ASSERT_TRUE(s.ok()) << v;
    EXPECT_DOUBLE_EQ(*s, score) << v;
  }
}

TEST(Cvss3, CrossCheckTable) {
  auto text = aisec::testing::ReadFile(aisec::testing::Fixture("assess/cvss/cvss3-vectors.txt"));
  int n = 0;
  for (auto line : SplitLines(text)) {
    auto sp = line.rfind(' ');
    auto s = Cvss3BaseScore(line.substr(0, sp));
    ASSERT_TRUE(s.ok()) << line;
    EXPECT_DOUBLE_EQ(*s, std::stod(std::string(line.substr(sp + 1)))) << line;
    ++n;
  }
  EXPECT_EQ(n, 300);
}

TEST(Cvss3, RejectsMalformedVectors) {
  for (const char* bad : {"", "AV:N/AC:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
                          "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                          "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                          "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:3.1/AV:N/AC"}) {
    EXPECT_FALSE(Cvss3BaseScore(bad).ok()) << bad;
  }
}

TEST(Cvss, SeverityRating) {
  EXPECT_EQ(SeverityForScore(0.0), Severity::kInfo);
  EXPECT_EQ(SeverityForScore(0.1), Severity::kLow);
  EXPECT_EQ(SeverityForScore(3.9), Severity::kLow);
  EXPECT_EQ(SeverityForScore(4.0), Severity::kMedium);
  EXPECT_EQ(SeverityForScore(6.9), Severity::kMedium);
  EXPECT_EQ(SeverityForScore(7.0), Severity::kHigh);
  EXPECT_EQ(SeverityForScore(8.9), Severity::kHigh);
  EXPECT_EQ(SeverityForScore(9.0), Severity::kCritical);
  EXPECT_EQ(SeverityForScore(10.0), Severity::kCritical);
  EXPECT_EQ(BaseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H").value(), 10.0);
  EXPECT_FALSE(BaseScore("AV:N/AC:L/Au:N/C:P/I:P/A:P").ok());
}

}  // namespace
}  // namespace aisec::assess::cvss
