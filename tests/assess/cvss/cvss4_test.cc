// CVSS v4.0 base scores: examples and a cross-check table, and the macro-vector data file.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "assess/cvss/cvss.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"
#include "test_util.h"

namespace aisec::assess::cvss {
namespace {

TEST(Cvss4, KnownScores) {
  const std::pair<const char*, double> cases[] = {
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0},
      // Threat and environmental metrics set to Not Defined do not change the base score.
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X", 9.3},
  };
  for (const auto& [v, score] : cases) {
    auto s = Cvss4BaseScore(v);
    ASSERT_TRUE(s.ok()) << v << ": " << s.error().message;
    EXPECT_DOUBLE_EQ(*s, score) << v;
  }
}

TEST(Cvss4, CrossCheckTable) {
  auto text = aisec::testing::ReadFile(aisec::testing::Fixture("assess/cvss/cvss4-vectors.txt"));
  int n = 0, wrong = 0;
  for (auto line : SplitLines(text)) {
    auto sp = line.rfind(' ');
    auto s = Cvss4BaseScore(line.substr(0, sp));
    ASSERT_TRUE(s.ok()) << line;
    double want = std::stod(std::string(line.substr(sp + 1)));
    if (*s != want) ++wrong;
    EXPECT_DOUBLE_EQ(*s, want) << line;
    ++n;
  }
  EXPECT_EQ(n, 400);
  EXPECT_EQ(wrong, 0);
}

TEST(Cvss4, RejectsMalformedVectors) {
  for (const char* bad : {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H",
                          "CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
                          "CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
                          "CVSS:4.0/AV:N/AV:N"}) {
    EXPECT_FALSE(Cvss4BaseScore(bad).ok()) << bad;
  }
}

TEST(Cvss4, MacroVectorTableIsComplete) {
  auto text = DataFile("cvss/cvss4-macrovectors.yaml");
  ASSERT_TRUE(text.has_value());
  auto doc = ParseYaml(*text, "cvss4-macrovectors.yaml");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["version"].as<int>(), 1);
  std::set<std::string> keys;
  for (const auto& kv : (*doc)["macrovectors"]) {
    std::string k = kv.first.as<std::string>();
    double v = kv.second.as<double>();
    EXPECT_TRUE(keys.insert(k).second) << "duplicate " << k;
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 10.0);
  }
  // EQ1 0-2, EQ2 0-1, EQ3 0-2, EQ4 0-2, EQ5 0-2, EQ6 0-1, without EQ3=2 with EQ6=0.
  int expected = 0;
  for (int e1 = 0; e1 < 3; ++e1)
    for (int e2 = 0; e2 < 2; ++e2)
      for (int e3 = 0; e3 < 3; ++e3)
        for (int e4 = 0; e4 < 3; ++e4)
          for (int e5 = 0; e5 < 3; ++e5)
            for (int e6 = 0; e6 < 2; ++e6) {
              if (e3 == 2 && e6 == 0) continue;
              ++expected;
              std::string k{char('0' + e1), char('0' + e2), char('0' + e3),
                            char('0' + e4), char('0' + e5), char('0' + e6)};
              EXPECT_TRUE(keys.count(k)) << "missing " << k;
            }
  EXPECT_EQ(expected, 270);
  EXPECT_EQ(keys.size(), 270u);
}

}  // namespace
}  // namespace aisec::assess::cvss
