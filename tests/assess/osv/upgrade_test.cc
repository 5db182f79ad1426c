// The smallest upgrade out of a package's advisories: `fixed` versions count from themselves on,
// `last_affected` ones only after themselves, and a candidate counts only when no advisory
// affects the versions it starts (issue 5).
#include "assess/osv/upgrade.h"

#include <gtest/gtest.h>

#include "assess/version/pep440.h"

namespace aisec::assess::osv {
namespace {

using version::Pep440;

Affected Entry(std::vector<Event> events) {
  return Affected{"PyPI", "pkg", {Range{RangeType::kEcosystem, "", std::move(events)}}, {}};
}

version::Version V(const char* text) { return *Pep440().Parse(text); }

std::string Text(const std::optional<version::Bound>& b) { return b ? UpgradeText(*b) : "none"; }

TEST(UpgradeFinder, LastAffectedOnlyGivesAnUpgradeAfterIt) {
  PackageAdvisories all{
      {"A", {Entry({{EventKind::kIntroduced, "0.2.30"}, {EventKind::kLastAffected, "0.2.71"}})}}};
  UpgradeFinder f(Pep440(), all);
  EXPECT_EQ(Text(f.Above(V("0.2.50"))), ">0.2.71");
  EXPECT_EQ(Text(f.Above(V("0.2.71"))), ">0.2.71");
}

TEST(UpgradeFinder, AnUpgradeAnotherAdvisoryAffectsDoesNotCount) {
  // After 1.5 (last affected of A) B still affects everything below 1.7.
  PackageAdvisories all{
      {"A", {Entry({{EventKind::kIntroduced, "1.0"}, {EventKind::kLastAffected, "1.5"}})}},
      {"B", {Entry({{EventKind::kIntroduced, "0"}, {EventKind::kFixed, "1.7"}})}}};
  UpgradeFinder f(Pep440(), all);
  EXPECT_EQ(Text(f.Above(V("1.2"))), "1.7");
  // 1.2.5 is fixed by C's first range but D names it as affected: right after it is safe.
  PackageAdvisories br{
      {"C",
       {Entry({{EventKind::kIntroduced, "0"},
               {EventKind::kFixed, "1.2.5"},
               {EventKind::kIntroduced, "2.0"},
               {EventKind::kFixed, "2.0.3"}})}},
      {"D", {Entry({{EventKind::kIntroduced, "1.2.5"}, {EventKind::kLastAffected, "1.2.5"}})}}};
  EXPECT_EQ(Text(UpgradeFinder(Pep440(), br).Above(V("1.2.0"))), ">1.2.5");
  EXPECT_EQ(Text(UpgradeFinder(Pep440(), br).Above(V("2.0.1"))), "2.0.3");
}

TEST(UpgradeFinder, NoUpgradeWhenEverythingAboveIsAffected) {
  PackageAdvisories all{{"A", {Entry({{EventKind::kIntroduced, "1.0"}})}}};
  EXPECT_EQ(Text(UpgradeFinder(Pep440(), all).Above(V("1.2"))), "none");
}

TEST(UpgradeFinder, RequirementBoundLeavesOutEveryAffectedVersionItAdmits) {
  PackageAdvisories all{
      {"T1", {Entry({{EventKind::kIntroduced, "2.1"}, {EventKind::kFixed, "2.2.1"}})}},
      {"T2", {Entry({{EventKind::kIntroduced, "0"}, {EventKind::kFixed, "1.13.1"}})}}};
  UpgradeFinder f(Pep440(), all);
  bool within = false;
  auto spec = version::ParsePep440Specifiers(">=2.0,<2.3");
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(Text(f.ForRequirement(*spec, &within)), "2.2.1");  // not 1.13.1
  EXPECT_TRUE(within);
  // Nothing ~=2.1.0 admits is safe: the requirement has to be widened to 2.2.1.
  auto narrow = version::ParsePep440Specifiers("~=2.1.0");
  ASSERT_TRUE(narrow.ok());
  EXPECT_EQ(Text(f.ForRequirement(*narrow, &within)), "2.2.1");
  EXPECT_FALSE(within);
}

TEST(UpgradeFinder, RequirementWithLastAffectedOnly) {
  PackageAdvisories all{
      {"A", {Entry({{EventKind::kIntroduced, "0.2.30"}, {EventKind::kLastAffected, "0.2.71"}})}}};
  bool within = false;
  auto spec = version::ParsePep440Specifiers(">=0.2");
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(Text(UpgradeFinder(Pep440(), all).ForRequirement(*spec, &within)), ">0.2.71");
  EXPECT_TRUE(within);
}

}  // namespace
}  // namespace aisec::assess::osv
