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

  // GHSA with a CVSS v3.1 vector and last_affected: severity from the vector, no upgrade known.
  const Finding* llama = ByAdvisory(*r, "GHSA-56xg-wfcc-g829");
  ASSERT_NE(llama, nullptr);
  EXPECT_EQ(llama->severity, Severity::kCritical);
  EXPECT_EQ(llama->properties.at("cvss_score"), "9.6");
  EXPECT_EQ(llama->properties.count("upgrade"), 0u);
  EXPECT_EQ(llama->properties.at("affected"), ">=0.2.30, <=0.2.71");

  EXPECT_NE(ByAdvisory(*r, "PYSEC-2023-252"), nullptr);  // mlflow 2.9.1 < 2.9.2
  EXPECT_NE(ByAdvisory(*r, "PYSEC-2024-51"), nullptr);  // fixed only in 2.10.1
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
