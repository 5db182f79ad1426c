// OSV range evaluation, following the schema's "Evaluation" pseudocode case by case.
#include "assess/osv/evaluate.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "assess/version/pep440.h"
#include "assess/version/scheme.h"
#include "assess/version/semver.h"
#include "test_util.h"

namespace aisec::assess::osv {
namespace {

using version::ForOsvEcosystem;

Range R(RangeType type, std::vector<std::pair<EventKind, std::string>> events) {
  Range r{type, {}, {}};
  for (auto& [k, v] : events) r.events.push_back({k, v});
  return r;
}
constexpr auto I = EventKind::kIntroduced;
constexpr auto F = EventKind::kFixed;
constexpr auto L = EventKind::kLastAffected;
constexpr auto X = EventKind::kLimit;

Verdict Eval(const Affected& a, const std::string& v) {
  return Evaluate(a, ForOsvEcosystem(a.ecosystem), v).verdict;
}
constexpr auto kYes = Verdict::kAffected;
constexpr auto kNo = Verdict::kNotAffected;
constexpr auto kUnknown = Verdict::kUnknown;

struct Case {
  const char* version;
  Verdict expected;
};

void Check(const Affected& a, std::initializer_list<Case> cases) {
  for (const Case& c : cases) EXPECT_EQ(Eval(a, c.version), c.expected) << c.version;
}

TEST(OsvEvaluate, IntroducedZeroAndFixedIsExclusive) {
  Affected a{"npm", "x", {R(RangeType::kSemver, {{I, "0"}, {F, "1.0.2"}})}, {}};
  Check(a, {{"0.0.1", kYes}, {"1.0.1", kYes}, {"1.0.2-rc.1", kYes}, {"1.0.2", kNo}, {"2.0.0", kNo}});
}

TEST(OsvEvaluate, UnfixedAffectsEverything) {
  Affected a{"npm", "x", {R(RangeType::kSemver, {{I, "0"}})}, {}};
  Check(a, {{"0.0.0", kYes}, {"99.0.0", kYes}});
}

TEST(OsvEvaluate, SeveralIntervalsInOneRange) {
  Affected a{"npm", "x",
             {R(RangeType::kSemver, {{I, "1.0.0"}, {F, "1.0.2"}, {I, "3.0.0"}, {F, "3.2.5"}})}, {}};
  Check(a, {{"0.9.0", kNo}, {"1.0.0", kYes}, {"1.0.2", kNo}, {"2.5.0", kNo}, {"3.0.0", kYes},
            {"3.2.4", kYes}, {"3.2.5", kNo}});
}

TEST(OsvEvaluate, EventsNeedNotBeSorted) {
  Affected a{"npm", "x",
             {R(RangeType::kSemver, {{F, "3.2.5"}, {I, "3.0.0"}, {F, "1.0.2"}, {I, "1.0.0"}})}, {}};
  Check(a, {{"1.0.1", kYes}, {"2.0.0", kNo}, {"3.1.0", kYes}, {"4.0.0", kNo}});
}

TEST(OsvEvaluate, LastAffectedIsInclusive) {
  Affected a{"PyPI", "llama-cpp-python",
             {R(RangeType::kEcosystem, {{I, "0.2.30"}, {L, "0.2.71"}})}, {}};
  Check(a, {{"0.2.29", kNo}, {"0.2.30", kYes}, {"0.2.71", kYes}, {"0.2.71.post1", kNo},
            {"0.2.72", kNo}});
}

TEST(OsvEvaluate, LimitBoundsTheRange) {
  Affected a{"npm", "x", {R(RangeType::kSemver, {{I, "1.0.0"}, {X, "2.0.0"}})}, {}};
  Check(a, {{"0.5.0", kNo}, {"1.5.0", kYes}, {"2.0.0", kNo}, {"3.0.0", kNo}});
  Affected star{"npm", "x", {R(RangeType::kSemver, {{I, "1.0.0"}, {X, "*"}})}, {}};
  Check(star, {{"3.0.0", kYes}});
  Affected two{"npm", "x", {R(RangeType::kSemver, {{I, "0"}, {X, "1.0.0"}, {X, "3.0.0"}})}, {}};
  Check(two, {{"2.0.0", kYes}, {"3.0.0", kNo}});
}

TEST(OsvEvaluate, EventsAtTheSameVersion) {
  // A zero-width range affects nothing; the next range still counts.
  Affected a{"npm", "x",
             {R(RangeType::kSemver, {{F, "1.0.0"}, {I, "1.0.0"}, {I, "2.0.0"}, {F, "2.1.0"}})}, {}};
  Check(a, {{"0.9.0", kNo}, {"1.0.0", kNo}, {"1.5.0", kNo}, {"2.0.5", kYes}});
  Affected last{"npm", "x", {R(RangeType::kSemver, {{I, "1.0.0"}, {L, "1.0.0"}})}, {}};
  Check(last, {{"1.0.0", kYes}, {"1.0.1", kNo}});
}

TEST(OsvEvaluate, SeveralRangesAnyMatches) {
  Affected a{"PyPI", "x",
             {R(RangeType::kEcosystem, {{I, "0"}, {F, "1.0"}}),
              R(RangeType::kEcosystem, {{I, "2.0"}, {F, "2.5"}})}, {}};
  Check(a, {{"0.5", kYes}, {"1.5", kNo}, {"2.4", kYes}, {"2.5", kNo}});
}

TEST(OsvEvaluate, VersionsListMatchesExactlyOrByScheme) {
  Affected a{"PyPI", "ipython", {}, {"0.7.1.fix1", "1.0", "2.0.0"}};
  Check(a, {{"0.7.1.fix1", kYes}, {"1.0.0", kYes}, {"2", kYes}, {"1.1", kNo}, {"0.7.1", kNo}});
}

TEST(OsvEvaluate, InvalidVersionFallsBackToStringEquality) {
  Affected a{"PyPI", "x", {R(RangeType::kEcosystem, {{I, "0"}, {F, "2.0"}})}, {"0.3.2d"}};
  EXPECT_EQ(Eval(a, "0.3.2d"), kYes);
  EXPECT_EQ(Eval(a, "1.0"), kYes);
  // Not PEP 440 and not listed: the range cannot say, the list says no.
  EXPECT_EQ(Eval(a, "0.3.2e"), kNo);
  Affected only_range{"PyPI", "x", {R(RangeType::kEcosystem, {{I, "0"}, {F, "2.0"}})}, {}};
  auto e = Evaluate(only_range, &version::Pep440(), "not-a-version");
  EXPECT_EQ(e.verdict, kUnknown);
  EXPECT_NE(e.note.find("not a valid pep440"), std::string::npos) << e.note;
}

TEST(OsvEvaluate, GitRangesAreNotEvaluated) {
  Range git = R(RangeType::kGit, {{I, "0"}, {F, "767f6aa49fe20a2766b9843d01e3b7f7793df6a3"}});
  git.repo = "https://github.com/pytorch/pytorch";
  Affected a{"PyPI", "torch", {git}, {}};
  auto e = Evaluate(a, &version::Pep440(), "1.13.0");
  EXPECT_EQ(e.verdict, kUnknown);
  EXPECT_TRUE(e.git_only);
  Affected with_list{"PyPI", "torch", {git}, {"1.13.0"}};
  EXPECT_EQ(Eval(with_list, "1.13.0"), kYes);
  EXPECT_EQ(Eval(with_list, "1.13.1"), kNo);
}

TEST(OsvEvaluate, UnknownEcosystemUsesOnlyTheList) {
  Affected a{"Debian:12", "openssl", {R(RangeType::kEcosystem, {{I, "0"}, {F, "3.0.11-1"}})},
             {"3.0.9-1"}};
  EXPECT_EQ(Eval(a, "3.0.9-1"), kYes);
  EXPECT_EQ(Eval(a, "3.0.10-1"), kNo);
  Affected no_list{"Debian:12", "openssl", {R(RangeType::kEcosystem, {{I, "0"}, {F, "3.0.11-1"}})}, {}};
  EXPECT_EQ(Eval(no_list, "3.0.10-1"), kUnknown);
}

TEST(OsvEvaluate, SemverRangesInTheGoEcosystem) {
  // GO-2025-4114 (milvus): fixed at a pseudo-version, re-introduced at 0.10.4, never fixed since.
  Affected a{"Go", "github.com/milvus-io/milvus",
             {R(RangeType::kSemver,
                {{I, "0"}, {F, "0.10.3-0.20251107071934-6102f001a971"}, {I, "0.10.4"}})}, {}};
  Check(a, {{"v0.10.2", kYes}, {"v0.10.3-0.20251107071934-6102f001a971", kNo}, {"v0.10.3", kNo},
            {"v0.10.4", kYes}, {"v2.4.23", kYes}, {"2.6.5", kYes}});
}

TEST(OsvEvaluate, AffectedSetForOverlap) {
  Affected a{"PyPI", "x",
             {R(RangeType::kEcosystem, {{I, "0"}, {F, "1.0"}, {I, "2.0"}, {L, "2.5"}})}, {"3.1"}};
  auto set = AffectedSet(a, version::Pep440());
  EXPECT_EQ(set.Normalized(version::Pep440()).ToString(), "<1.0 || >=2.0, <=2.5 || =3.1");
  EXPECT_EQ(set.Complement(version::Pep440()).ToString(), ">=1.0, <2.0 || >2.5, <3.1 || >3.1");
  Affected limited{"npm", "x", {R(RangeType::kSemver, {{I, "1.0.0"}, {X, "2.0.0"}})}, {}};
  EXPECT_EQ(AffectedSet(limited, version::Semver()).ToString(), ">=1.0.0, <2.0.0");
}

TEST(OsvEvaluate, FixedVersionsSkipGit) {
  Range git = R(RangeType::kGit, {{I, "0"}, {F, "abc"}});
  Affected a{"PyPI", "x", {git, R(RangeType::kEcosystem, {{I, "0"}, {F, "1.2"}, {I, "2"}, {F, "2.3"}})}, {}};
  EXPECT_EQ(FixedVersions(a), (std::vector<std::string>{"1.2", "2.3"}));
}

// The real records, evaluated exactly as published.
Advisory Load(const std::string& name) {
  auto docs = ParseOsvDocument(aisec::testing::ReadFile(aisec::testing::Fixture("assess/osv/real/" + name)), name);
  EXPECT_TRUE(docs.ok());
  auto adv = ParseAdvisory(docs->front());
  EXPECT_TRUE(adv.ok()) << adv.error().message;
  return *adv;
}

TEST(OsvEvaluate, RealPypiAdvisories) {
  Advisory torch = Load("PYSEC-2022-43015.json");
  Check(torch.affected[0], {{"1.13.0", kYes}, {"1.13.1", kNo}, {"1.3.0.post2", kYes}, {"2.0.0", kNo}});
  Advisory ipython = Load("PYSEC-2022-12.json");
  Check(ipython.affected[0], {{"0.7.1.fix1", kYes}, {"5.0.0", kYes}, {"6.0.0rc1", kNo},
                              {"7.16.2", kYes}, {"7.16.3", kNo}, {"8.0.0", kYes}, {"8.0.1", kNo}});
  Advisory mlflow = Load("PYSEC-2023-252.json");
  Check(mlflow.affected[0], {{"2.9.1", kYes}, {"2.9.2", kNo}, {"2.10.0", kNo}});
}

TEST(OsvEvaluate, RealGhsaLastAffected) {
  Advisory llama = Load("GHSA-56xg-wfcc-g829.json");
  Check(llama.affected[0], {{"0.2.29", kNo}, {"0.2.30", kYes}, {"0.2.71", kYes}, {"0.2.72", kNo}});
}

TEST(OsvEvaluate, RealGoAdvisory) {
  Advisory milvus = Load("GO-2025-4114.json");
  Check(milvus.affected[0], {{"v0.10.2", kYes}, {"v0.10.3", kNo}, {"v2.5.0", kYes}});
}

TEST(OsvEvaluate, EveryRealAdvisoryInTheSharedData) {
  auto dir = aisec::testing::SharedDir() / "data" / "osv";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared data";
  size_t records = 0, affected_listed = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".json" || e.path().parent_path().filename() == "schema") continue;
    auto docs = ParseOsvDocument(aisec::testing::ReadFile(e.path()), e.path().string());
    ASSERT_TRUE(docs.ok()) << e.path();
    auto adv = ParseAdvisory(docs->front());
    ASSERT_TRUE(adv.ok()) << e.path() << ": " << adv.error().message;
    ++records;
    for (const Affected& a : adv->affected) {
      // Every version the record lists as affected must evaluate as affected.
      for (const std::string& v : a.versions) {
        ASSERT_EQ(Eval(a, v), kYes) << adv->id << " " << v;
        ++affected_listed;
      }
      // And every fixed version must not be, unless another range re-includes it.
      for (const std::string& f : FixedVersions(a)) {
        if (a.versions.empty()) {
          EXPECT_NE(Eval(a, f), kYes) << adv->id << " fixed " << f;
        }
      }
    }
  }
  EXPECT_GT(records, 1000u);
  EXPECT_GT(affected_listed, 10000u);
}

}  // namespace
}  // namespace aisec::assess::osv
