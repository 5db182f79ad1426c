// `aisec db import` and `aisec db status` through the real binary.
#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec {
namespace {

using testing::Fixture;
using testing::RunAisec;
using testing::TempDir;

TEST(DbCli, ImportThenStatus) {
  TempDir dir;
  std::string db = (dir / "adv.db").string();
  auto imp = RunAisec({"db", "import", Fixture("assess/osv/real").string(), "--db", db});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  EXPECT_NE(imp.out.find("added 11,"), std::string::npos) << imp.out;
  EXPECT_NE(imp.out.find("malicious-package reports among added/updated: 2"), std::string::npos);

  auto again = RunAisec({"db", "import", Fixture("assess/osv/real").string(), "--db", db});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("added 0, updated 0, unchanged 11"), std::string::npos) << again.out;

  auto st = RunAisec({"db", "status", "--db", db});
  ASSERT_EQ(st.exit_code, 0) << st.err;
  EXPECT_NE(st.out.find("advisories: 11 (2 malicious-package reports)"), std::string::npos) << st.out;
  EXPECT_NE(st.out.find("newest modification: 2026-09-11T21:00:10Z"), std::string::npos);
  EXPECT_NE(st.out.find("PyPI"), std::string::npos);
  EXPECT_NE(st.out.find("assess/osv/real"), std::string::npos);
}

TEST(DbCli, ReportsInvalidFilesAndGoesOn) {
  TempDir dir;
  std::string db = (dir / "adv.db").string();
  auto r = RunAisec({"db", "import", Fixture("assess/osv/malformed").string(),
                     Fixture("assess/osv/real/PYSEC-2023-18.json").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("missing_id.json"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("added 1,"), std::string::npos) << r.out;
}

TEST(DbCli, MissingPathFailsAndImportsNothing) {
  TempDir dir;
  std::string db = (dir / "adv.db").string();
  auto r = RunAisec({"db", "import", Fixture("assess/osv/real").string(),
                     (dir / "missing").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 2);
  auto st = RunAisec({"db", "status", "--db", db});
  EXPECT_NE(st.out.find("advisories: 0"), std::string::npos) << st.out;
}

TEST(DbCli, StatusWithoutDatabaseIsAnError) {
  TempDir dir;
  auto r = RunAisec({"db", "status", "--db", (dir / "none.db").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos);
  EXPECT_EQ(RunAisec({"db"}).exit_code, 2);
}

TEST(DbCli, ScanUsesTheImportedDatabase) {
  TempDir dir;
  std::string db = (dir / "adv.db").string();
  ASSERT_EQ(RunAisec({"db", "import", Fixture("assess/osv/real").string(), "--db", db}).exit_code, 0);
  dir.Write("app/requirements.txt", "torch==1.13.0\n");
  auto r = RunAisec({"scan", (dir / "app").string(), "--format", "json", "--db", db});
  EXPECT_NE(r.out.find("PYSEC-2022-43015"), std::string::npos) << r.out << r.err;
  auto missing = RunAisec({"scan", (dir / "app").string(), "--db", (dir / "nope.db").string()});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace aisec

namespace aisec {
namespace {

TEST(DbCli, DamagedArchiveFailsAndImportsNothing) {
  testing::TempDir dir;
  std::string db = (dir / "adv.db").string();
  dir.Write("broken.zip", "PK\x03\x04 this is not really a zip archive");
  auto r = testing::RunAisec({"db", "import", testing::Fixture("assess/osv/real").string(),
                              (dir / "broken.zip").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("broken.zip"), std::string::npos) << r.err;
  auto st = testing::RunAisec({"db", "status", "--db", db});
  EXPECT_NE(st.out.find("advisories: 0"), std::string::npos) << st.out;
}

}  // namespace
}  // namespace aisec
