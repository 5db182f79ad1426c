// The vulnerability assessor end to end: a scan of a tree whose requirements pin versions named
// by real advisories (issue 5).
#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "assess/osv/advisory_db.h"
#include "assess/osv/importer.h"
#include "test_util.h"

namespace aisec {
namespace {

using testing::Fixture;
using testing::TempDir;

std::vector<const Finding*> ByRule(const ScanResult& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings) {
    if (f.rule_id == rule) out.push_back(&f);
  }
  return out;
}

const Finding* ByAdvisory(const ScanResult& r, const std::string& id) {
  for (const auto& f : r.findings) {
    auto it = f.properties.find("advisory");
    if (it != f.properties.end() && it->second == id) return &f;
  }
  return nullptr;
}

// A database holding the real fixture advisories.
std::string FixtureDb(const TempDir& dir) {
  std::string path = (dir / "adv.db").string();
  auto db = assess::osv::AdvisoryDb::Open(path, true);
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE(assess::osv::ImportPaths(**db, {Fixture("assess/osv/real").string()}).ok());
  return path;
}

TEST(Vulnerabilities, PinnedVulnerableVersionsAreFound) {
  TempDir dir;
  dir.Write("app/requirements.txt",
            "torch==1.13.0\nlangchain==0.0.130\nmlflow==2.9.1\nllama-cpp-python==0.2.50\n"
            "requests==2.31.0\n");
  auto r = Scan({.root = dir / "app", .db_path = FixtureDb(dir)});
  ASSERT_TRUE(r.ok()) << r.error().message;

  const Finding* torch = ByAdvisory(*r, "PYSEC-2022-43015");
  ASSERT_NE(torch, nullptr);
  EXPECT_EQ(torch->rule_id, "AISEC-VULN");
  EXPECT_EQ(torch->component_ref, "pkg:pypi/torch@1.13.0");
  EXPECT_EQ(torch->properties.at("aliases"), "CVE-2022-45907");
  EXPECT_EQ(torch->properties.at("fixed"), "1.13.1");
  EXPECT_EQ(torch->properties.at("upgrade"), "1.13.1");
  ASSERT_EQ(torch->evidence.size(), 1u);
  EXPECT_EQ(torch->evidence[0].location.path, "requirements.txt");
  EXPECT_EQ(torch->evidence[0].location.line, 1u);
  EXPECT_FALSE(torch->references.empty());

  // langchain 0.0.130 is affected by PYSEC-2023-18 (fixed 0.0.132) and PYSEC-2024-43 (fixed
  // 0.1.11): the smallest upgrade that fixes both is 0.1.11, not 0.0.132.
  const Finding* lc = ByAdvisory(*r, "PYSEC-2023-18");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->properties.at("upgrade"), "0.1.11");
  EXPECT_NE(lc->remediation.find("0.1.11"), std::string::npos);

  // GHSA with a CVSS v3.1 vector and only last_affected: severity from the vector, and the
  // upgrade is any version after the last affected one.
  const Finding* llama = ByAdvisory(*r, "GHSA-56xg-wfcc-g829");
  ASSERT_NE(llama, nullptr);
  EXPECT_EQ(llama->severity, Severity::kCritical);
  EXPECT_EQ(llama->properties.at("cvss_score"), "9.6");
  EXPECT_EQ(llama->properties.at("upgrade"), ">0.2.71");
  EXPECT_NE(llama->remediation.find("a version after 0.2.71"), std::string::npos)
      << llama->remediation;
  EXPECT_EQ(llama->remediation.find("No fixed version"), std::string::npos);
  EXPECT_EQ(llama->properties.at("affected"), ">=0.2.30, <=0.2.71");

  EXPECT_NE(ByAdvisory(*r, "PYSEC-2023-252"), nullptr);  // mlflow 2.9.1 < 2.9.2
  EXPECT_NE(ByAdvisory(*r, "PYSEC-2024-51"), nullptr);   // fixed only in 2.10.1
}

TEST(Vulnerabilities, FixedVersionsAreClean) {
  TempDir dir;
  dir.Write("app/requirements.txt", "torch==1.13.1\nlangchain==0.1.11\nmlflow==2.10.1\n");
  auto r = Scan({.root = dir / "app", .db_path = FixtureDb(dir)});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(ByRule(*r, "AISEC-VULN").empty());
  EXPECT_TRUE(ByRule(*r, "AISEC-VULN-RANGE").empty());
}

TEST(Vulnerabilities, RequirementRangesGiveMayBeAffected) {
  TempDir dir;
  dir.Write("app/requirements.txt", "mlflow>=2.0,<2.10\nlangchain>=0.2\n");
  auto r = Scan({.root = dir / "app", .db_path = FixtureDb(dir)});
  ASSERT_TRUE(r.ok());
  auto range = ByRule(*r, "AISEC-VULN-RANGE");
  ASSERT_FALSE(range.empty());
  const Finding* f = ByAdvisory(*r, "PYSEC-2023-252");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->rule_id, "AISEC-VULN-RANGE");
  EXPECT_LT(f->confidence, 1.0);
  EXPECT_EQ(f->properties.at("upgrade"), "2.10.1");
  // Every version >=2.0,<2.10 is below 2.9.2 or 2.10.1: nothing in the range is safe.
  EXPECT_EQ(f->properties.at("safe_within_requirement"), "none");
  EXPECT_TRUE(ByRule(*r, "AISEC-VULN").empty());
  for (const auto* g : range) EXPECT_EQ(g->component_ref.find("langchain"), std::string::npos);
}

TEST(Vulnerabilities, SafeVersionsWithinARequirementAreListed) {
  TempDir dir;
  dir.Write("app/requirements.txt", "mlflow>=2.9,<2.11\n");
  auto r = Scan({.root = dir / "app", .db_path = FixtureDb(dir)});
  ASSERT_TRUE(r.ok());
  const Finding* f = ByAdvisory(*r, "PYSEC-2024-51");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->properties.at("safe_within_requirement"), ">=2.10.1, <2.11.dev0");
}

// A database of the hand-written records in assess/osv/ranges.
std::string RangesDb(const TempDir& dir) {
  std::string path = (dir / "ranges.db").string();
  auto db = assess::osv::AdvisoryDb::Open(path, true);
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE(assess::osv::ImportPaths(**db, {Fixture("assess/osv/ranges").string()}).ok());
  return path;
}

std::vector<const Finding*> ForAdvisory(const ScanResult& r, const std::string& id) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings) {
    auto it = f.properties.find("advisory");
    if (it != f.properties.end() && it->second == id) out.push_back(&f);
  }
  return out;
}

const Finding* At(const std::vector<const Finding*>& fs, const std::string& path) {
  for (const auto* f : fs) {
    if (!f->evidence.empty() && f->evidence[0].location.path == path) return f;
  }
  return nullptr;
}

// Regression test: the advice for a range was the smallest fixed version of any advisory (1.13.1,
// below the range) instead of the bound that leaves out the affected versions it admits.
TEST(Vulnerabilities, RangeAdviceLeavesOutTheAffectedVersionsItAdmits) {
  TempDir dir;
  auto r = Scan({.root = Fixture("assess/projects/range_upgrade"), .db_path = RangesDb(dir)});
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto torch = ForAdvisory(*r, "T-TORCH");
  ASSERT_EQ(torch.size(), 1u);
  EXPECT_EQ(torch[0]->properties.at("upgrade"), "2.2.1");
  EXPECT_EQ(torch[0]->properties.at("safe_within_requirement"),
            ">=2.0, <2.1 || >=2.2.1, <2.3.dev0");
  EXPECT_NE(torch[0]->remediation.find("Require at least 2.2.1"), std::string::npos)
      << torch[0]->remediation;
  EXPECT_TRUE(ForAdvisory(*r, "T-TORCH2").empty());  // <1.13.1 is outside the range
}

// Regression test: declarations of one package in several manifests were merged keeping the
// first range only, so b's range was never checked.
TEST(Vulnerabilities, EachDeclaredRangeIsCheckedAtItsOwnFile) {
  TempDir dir;
  auto r = Scan({.root = Fixture("assess/projects/split_ranges"), .db_path = RangesDb(dir)});
  ASSERT_TRUE(r.ok()) << r.error().message;
  int torch_components = 0;
  for (const auto& c : r->components) torch_components += c.name == "torch";
  EXPECT_EQ(torch_components, 1);
  auto torch = ForAdvisory(*r, "T-TORCH");
  ASSERT_EQ(torch.size(), 1u);
  EXPECT_EQ(torch[0]->rule_id, "AISEC-VULN-RANGE");
  ASSERT_FALSE(torch[0]->evidence.empty());
  EXPECT_EQ(torch[0]->evidence[0].location.path, "b/requirements.txt");
  EXPECT_NE(torch[0]->title.find(">=2.0,<2.3"), std::string::npos) << torch[0]->title;
}

TEST(Vulnerabilities, EveryRangeHasItsOwnSafeVersions) {
  TempDir dir;
  auto r = Scan({.root = Fixture("assess/projects/many_ranges"), .db_path = RangesDb(dir)});
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto torch = ForAdvisory(*r, "T-TORCH");
  ASSERT_EQ(torch.size(), 4u);
  const Finding* root = At(torch, "requirements.txt");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->properties.at("safe_within_requirement"), ">=2.0, <2.1 || >=2.2.1, <2.3.dev0");
  const Finding* a = At(torch, "a/requirements.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->properties.at("safe_within_requirement"), "none");
  EXPECT_EQ(a->properties.at("upgrade"), "2.2.1");
  EXPECT_NE(a->remediation.find("widen"), std::string::npos) << a->remediation;
  // Distinct findings, one per declaring file.
  EXPECT_NE(root->fingerprint, a->fingerprint);
  // The component shows the range declared nearest the root.
  for (const auto& c : r->components) {
    if (c.name == "torch") {
      EXPECT_EQ(c.version_spec, ">=2.0,<2.3");
    }
  }
}

// Regression test: an advisory with only last_affected gave "No fixed version is known".
TEST(Vulnerabilities, LastAffectedCountsForTheSmallestUpgrade) {
  TempDir dir;
  auto r = Scan({.root = Fixture("assess/projects/pinned"), .db_path = RangesDb(dir)});
  ASSERT_TRUE(r.ok()) << r.error().message;
  // lapkg 1.2: T-LA ends at 1.5 (last affected) but T-LA2 affects everything below 1.7.
  const Finding* la = ByAdvisory(*r, "T-LA");
  ASSERT_NE(la, nullptr);
  EXPECT_EQ(la->properties.at("upgrade"), "1.7");
  // brpkg 1.2.0: 1.2.5 is fixed by T-BR but named as affected by T-BR2; right after it is safe.
  const Finding* br = ByAdvisory(*r, "T-BR");
  ASSERT_NE(br, nullptr);
  EXPECT_EQ(br->properties.at("upgrade"), ">1.2.5");
  EXPECT_NE(br->remediation.find("a version after 1.2.5"), std::string::npos) << br->remediation;
}

TEST(Vulnerabilities, BundledSnapshotWorksWithoutADatabase) {
  TempDir dir;
  dir.Write("app/requirements.txt", "torch==1.13.0\n");
  auto r = Scan({.root = dir / "app", .db_path = ""});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(ByAdvisory(*r, "PYSEC-2022-43015"), nullptr);
}

TEST(Vulnerabilities, MissingExplicitDatabaseIsAConfigurationError) {
  TempDir dir;
  dir.Write("app/requirements.txt", "torch==1.13.0\n");
  auto r = Scan({.root = dir / "app", .db_path = (dir / "nope.db").string()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST(Vulnerabilities, FindingsAreStableAcrossRuns) {
  TempDir dir;
  dir.Write("app/requirements.txt", "torch==1.13.0\n");
  std::string db = FixtureDb(dir);
  auto a = Scan({.root = dir / "app", .db_path = db});
  dir.Write("app/requirements.txt", "# moved down\n\ntorch==1.13.0\n");
  auto b = Scan({.root = dir / "app", .db_path = db});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->findings.size(), b->findings.size());
  EXPECT_EQ(a->findings[0].fingerprint, b->findings[0].fingerprint);
}

}  // namespace
}  // namespace aisec
