// The advisory snapshot shipped in data/advisories/: valid, modest, attributed, reproducible.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "assess/osv/advisory.h"
#include "assess/osv/scan_db.h"
#include "core/data.h"
#include "test_util.h"

namespace aisec::assess::osv {
namespace {

TEST(AdvisorySnapshot, IsValidOsvAndModest) {
  auto text = DataFile("advisories/osv-snapshot.json");
  ASSERT_TRUE(text.has_value());
  EXPECT_LT(text->size(), 2u << 20);
  auto docs = ParseOsvDocument(*text, "osv-snapshot.json");
  ASSERT_TRUE(docs.ok()) << docs.error().message;
  std::set<std::string> ids;
  size_t malicious = 0;
  for (const auto& record : *docs) {
    auto adv = ParseAdvisory(record);
    ASSERT_TRUE(adv.ok()) << adv.error().message;
    EXPECT_TRUE(ids.insert(adv->id).second) << "duplicate " << adv->id;
    EXPECT_FALSE(adv->IsStaging()) << adv->id;
    EXPECT_TRUE(adv->withdrawn.empty()) << adv->id;
    malicious += adv->IsMalicious();
  }
  EXPECT_GT(ids.size(), 400u);
  EXPECT_GE(malicious, 5u);
  EXPECT_TRUE(ids.count("GHSA-56xg-wfcc-g829"));
  EXPECT_TRUE(ids.count("PYSEC-2022-43015"));
  EXPECT_TRUE(ids.count("GO-2025-4114"));
}

TEST(AdvisorySnapshot, NamesItsSourcesAndLicences) {
  auto sources = DataFile("advisories/SOURCES.md");
  ASSERT_TRUE(sources.has_value());
  for (const char* fact : {"CC-BY-4.0", "pypa/advisory-database", "golang/vulndb",
                           "github/advisory-database", "ossf/malicious-packages",
                           "CDLA-Permissive-2.0"}) {
    EXPECT_NE(sources->find(fact), std::string::npos) << fact;
  }
}

TEST(AdvisorySnapshot, LoadsIntoTheScanDatabase) {
  AdvisoryDb* db = BundledSnapshot();
  ASSERT_NE(db, nullptr);
  auto st = db->GetStatus();
  ASSERT_TRUE(st.ok());
  EXPECT_GT(st->advisories, 400);
  EXPECT_EQ(db->Lookup("pypi", "langchain")->empty(), false);
}

// The checked-in snapshot is exactly what the checked-in script builds from the shared data.
TEST(AdvisorySnapshot, IsReproducibleFromItsScript) {
  auto osv = aisec::testing::SharedDir() / "data" / "osv";
  if (!std::filesystem::exists(osv)) GTEST_SKIP() << "no shared data";
  aisec::testing::TempDir dir;
  auto out = dir / "snapshot.json";
  auto r = aisec::testing::RunShell("python3 " AISEC_SOURCE_DIR "/scripts/build-advisory-snapshot.py '" +
                                    osv.string() + "' '" + out.string() + "'");
  if (r.exit_code == 127) GTEST_SKIP() << "no python3";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(aisec::testing::ReadFile(out), std::string(*DataFile("advisories/osv-snapshot.json")));
}

}  // namespace
}  // namespace aisec::assess::osv
