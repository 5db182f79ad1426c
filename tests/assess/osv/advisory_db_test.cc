// The advisory database and `db import`: counts, incremental imports, withdrawn and staging
// records, archives, and the all-or-nothing guarantee.
#include "assess/osv/advisory_db.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>

#include "assess/osv/importer.h"
#include "test_util.h"

namespace aisec::assess::osv {
namespace {

using aisec::testing::Fixture;
using aisec::testing::ReadFile;
using aisec::testing::TempDir;

std::unique_ptr<AdvisoryDb> OpenDb(const TempDir& dir) {
  auto db = AdvisoryDb::Open((dir / "adv.db").string(), true);
  EXPECT_TRUE(db.ok()) << db.error().message;
  return std::move(*db);
}

std::string Real() { return Fixture("assess/osv/real").string(); }

// Writes a zip archive holding `members` (name -> content).
void WriteZip(const std::filesystem::path& path,
              const std::vector<std::pair<std::string, std::string>>& members) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  for (const auto& [name, content] : members) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    ASSERT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(z), 0);
}

TEST(AdvisoryDb, ImportsAFolderAndLooksPackagesUp) {
  TempDir dir;
  auto db = OpenDb(dir);
  auto r = ImportPaths(*db, {Real()});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->counts.added, 11u);
  EXPECT_EQ(r->counts.malicious, 2u);
  EXPECT_EQ(r->problem_count, 0u);

  auto torch = db->Lookup("pypi", "torch");
  ASSERT_TRUE(torch.ok());
  ASSERT_EQ(torch->size(), 1u);
  EXPECT_EQ((*torch)[0].advisory_id, "PYSEC-2022-43015");
  EXPECT_EQ((*torch)[0].affected.versions.size(), 26u);
  // Names are normalised per ecosystem on both sides.
  auto llama = db->Lookup("pypi", "Llama_CPP.Python");
  ASSERT_TRUE(llama.ok());
  ASSERT_EQ(llama->size(), 1u);
  EXPECT_EQ((*llama)[0].affected.ecosystem, "PyPI");
  auto openaii = db->Lookup("pypi", "openaii");
  ASSERT_EQ(openaii->size(), 1u);
  EXPECT_TRUE((*openaii)[0].malicious);
  EXPECT_EQ(db->Lookup("golang", "github.com/milvus-io/milvus")->size(), 1u);
  EXPECT_EQ(db->Lookup("pypi", "nothing-here")->size(), 0u);

  auto d = db->Details("GHSA-56xg-wfcc-g829");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->aliases, std::vector<std::string>{"CVE-2024-34359"});
  ASSERT_EQ(d->severity.size(), 1u);
  EXPECT_EQ(d->severity[0].score, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H");
  EXPECT_EQ(d->references.size(), 2u);
  EXPECT_EQ(d->database_severity, "CRITICAL");
  EXPECT_FALSE(db->Details("NOPE-1").ok());
}

TEST(AdvisoryDb, SecondImportChangesNothing) {
  TempDir dir;
  auto db = OpenDb(dir);
  ASSERT_TRUE(ImportPaths(*db, {Real()}).ok());
  auto again = ImportPaths(*db, {Real()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->counts.changed(), 0u);
  EXPECT_EQ(again->counts.unchanged, 11u);
}

TEST(AdvisoryDb, ChangedRecordsAreUpdated) {
  TempDir dir;
  auto db = OpenDb(dir);
  std::string rec = ReadFile(Fixture("assess/osv/real/GHSA-56xg-wfcc-g829.json"));
  dir.Write("in/a.json", rec);
  ASSERT_TRUE(ImportPaths(*db, {(dir / "in").string()}).ok());
  // Same modified time, different content: still an update (the hash differs).
  std::string edited = rec;
  edited.replace(edited.find("\"0.2.71\""), 8, "\"0.2.72\"");
  dir.Write("in/a.json", edited);
  auto r = ImportPaths(*db, {(dir / "in").string()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->counts.updated, 1u);
  auto rows = db->Lookup("pypi", "llama-cpp-python");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].affected.ranges[0].events[1].version, "0.2.72");
}

TEST(AdvisoryDb, WithdrawnAndStagingRecordsAreNotStored) {
  TempDir dir;
  auto db = OpenDb(dir);
  auto r = ImportPaths(*db, {Fixture("assess/osv/crafted/withdrawn.json").string(),
                             Fixture("assess/osv/crafted/staging.json").string()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->counts.ignored, 2u);
  EXPECT_EQ(db->GetStatus()->advisories, 0);
  // A record imported earlier and withdrawn later is removed.
  std::string rec = ReadFile(Fixture("assess/osv/crafted/withdrawn.json"));
  std::string live = rec;
  live.erase(live.find("\"withdrawn\""),
             std::string("\"withdrawn\": \"2024-06-01T00:00:00Z\",").size());
  dir.Write("live.json", live);
  ASSERT_EQ(ImportPaths(*db, {(dir / "live.json").string()})->counts.added, 1u);
  EXPECT_EQ(db->Lookup("pypi", "torch")->size(), 1u);
  auto removed = ImportPaths(*db, {Fixture("assess/osv/crafted/withdrawn.json").string()});
  EXPECT_EQ(removed->counts.removed, 1u);
  EXPECT_EQ(db->Lookup("pypi", "torch")->size(), 0u);
}

std::string History(const char* name) {
  return Fixture(std::string("assess/osv/history/") + name).string();
}

// Regression test: a record older than the stored one replaced it.
TEST(AdvisoryDb, AnOlderRecordDoesNotReplaceANewerOne) {
  TempDir dir;
  auto db = OpenDb(dir);
  ASSERT_EQ(ImportPaths(*db, {History("TEST-2.new.json")})->counts.added, 1u);
  auto old = ImportPaths(*db, {History("TEST-2.old.json")});
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->counts.older, 1u);
  EXPECT_EQ(old->counts.changed(), 0u);
  EXPECT_EQ(db->Details("TEST-2")->summary, "newer record");
  auto rows = db->Lookup("pypi", "pkgb");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].affected.ranges[0].events[1].version, "3.0");
  // Times are compared as instants: 23:30:00.5 at -02:00 is after 00:00:00Z the next day.
  auto offset = ImportPaths(*db, {History("TEST-2.offset.json")});
  EXPECT_EQ(offset->counts.updated, 1u);
  EXPECT_EQ(db->Details("TEST-2")->summary, "newer record in another offset");
}

// Regression test: re-importing an old export brought a withdrawn advisory back.
TEST(AdvisoryDb, AnOlderRecordDoesNotUndoAWithdrawal) {
  TempDir dir;
  auto db = OpenDb(dir);
  ASSERT_EQ(ImportPaths(*db, {History("TEST-3.live.json")})->counts.added, 1u);
  ASSERT_EQ(ImportPaths(*db, {History("TEST-3.withdrawn.json")})->counts.removed, 1u);
  auto again = ImportPaths(*db, {History("TEST-3.live.json")});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->counts.older, 1u);
  EXPECT_EQ(again->counts.added, 0u);
  EXPECT_EQ(db->Lookup("pypi", "pkgc")->size(), 0u);
  // A record modified after the withdrawal is live again.
  EXPECT_EQ(ImportPaths(*db, {History("TEST-3.restored.json")})->counts.added, 1u);
  EXPECT_EQ(db->Lookup("pypi", "pkgc")->size(), 1u);
  // Both in one import, old after new: the withdrawal still wins.
  TempDir other;
  auto fresh = OpenDb(other);
  auto both = ImportPaths(*fresh, {History("TEST-3.withdrawn.json"), History("TEST-3.live.json")});
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->counts.ignored, 1u);
  EXPECT_EQ(both->counts.older, 1u);
  EXPECT_EQ(fresh->GetStatus()->advisories, 0);
}

TEST(AdvisoryDb, CompareModifiedOrdersInstants) {
  EXPECT_LT(CompareModified("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), 0);
  EXPECT_EQ(CompareModified("2025-01-01T00:00:00Z", "2025-01-01T00:00:00.000Z"), 0);
  EXPECT_GT(CompareModified("2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00Z"), 0);
  EXPECT_LT(CompareModified("2025-01-01T00:00:00.25Z", "2025-01-01T00:00:00.5Z"), 0);
  EXPECT_EQ(CompareModified("2025-01-01T02:00:00+02:00", "2025-01-01T00:00:00Z"), 0);
  EXPECT_GT(CompareModified("2025-12-31T23:30:00-02:00", "2026-01-01T00:00:00Z"), 0);
  EXPECT_LT(CompareModified("not a time", "nothing"), 0);  // as text
}

// A database of schema 1 has no `withdrawn` table: it is read as it is, and the next import
// adds the table.
TEST(AdvisoryDb, SchemaOneDatabasesAreUpgradedInPlace) {
  TempDir dir;
  std::string path = (dir / "adv.db").string();
  {
    auto db = OpenDb(dir);
    ASSERT_TRUE(ImportPaths(*db, {History("TEST-3.live.json")}).ok());
  }
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    sqlite3_exec(raw, "DROP TABLE withdrawn; PRAGMA user_version = 1;", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto read = AdvisoryDb::Open(path, false);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ((*read)->Lookup("pypi", "pkgc")->size(), 1u);
  read->reset();
  auto db = AdvisoryDb::Open(path, true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(ImportPaths(**db, {History("TEST-3.withdrawn.json")})->counts.removed, 1u);
  EXPECT_EQ(ImportPaths(**db, {History("TEST-3.live.json")})->counts.older, 1u);
  EXPECT_EQ((*db)->Lookup("pypi", "pkgc")->size(), 0u);
}

TEST(AdvisoryDb, ImportsYamlArraysAndZipExports) {
  TempDir dir;
  auto db = OpenDb(dir);
  WriteZip(
      dir / "PyPI-all.zip",
      {{"GHSA-56xg-wfcc-g829.json", ReadFile(Fixture("assess/osv/real/GHSA-56xg-wfcc-g829.json"))},
       {"PYSEC-2023-18.json", ReadFile(Fixture("assess/osv/real/PYSEC-2023-18.json"))},
       {"README.txt", "not a record"}});
  auto r = ImportPaths(
      *db, {(dir / "PyPI-all.zip").string(), Fixture("assess/osv/crafted/record.yaml").string(),
            Fixture("assess/osv/crafted/two_records.json").string()});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->counts.added, 5u);
  EXPECT_EQ(r->files, 4u);
  EXPECT_EQ(db->Lookup("pypi", "transformers")->size(), 1u);
  EXPECT_EQ(db->Lookup("npm", "@AI-SDK/openai")->size(), 1u);
  EXPECT_EQ(db->Lookup("cargo", "candle-core")->size(), 1u);
}

TEST(AdvisoryDb, InvalidRecordsAreReportedPerFileAndSkipped) {
  TempDir dir;
  auto db = OpenDb(dir);
  auto r = ImportPaths(*db, {Fixture("assess/osv/malformed").string(), Real()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->counts.added, 11u);
  EXPECT_EQ(r->problem_count, 10u);   // one per invalid record
  EXPECT_EQ(r->counts.invalid, 10u);  // not_records.json holds three non-records
  bool named = false;
  for (const auto& p : r->problems) named |= p.path.find("missing_id.json") != std::string::npos;
  EXPECT_TRUE(named);
}

// Regression test for issue 5: a failing source mid-import leaves the database as before.
TEST(AdvisoryDb, FailedImportLeavesTheDatabaseAsBefore) {
  TempDir dir;
  auto db = OpenDb(dir);
  ASSERT_TRUE(ImportPaths(*db, {Fixture("assess/osv/real/PYSEC-2023-18.json").string()}).ok());
  auto before = db->GetStatus();
  // A truncated archive after a good folder: nothing of the folder may stay.
  std::string zip_bytes;
  WriteZip(dir / "good.zip", {{"a.json", ReadFile(Fixture("assess/osv/real/PYSEC-2024-43.json"))}});
  zip_bytes = ReadFile(dir / "good.zip");
  dir.Write("broken.zip", zip_bytes.substr(0, zip_bytes.size() / 2));
  auto r = ImportPaths(*db, {Real(), (dir / "broken.zip").string()});
  EXPECT_FALSE(r.ok());
  auto after = db->GetStatus();
  EXPECT_EQ(after->advisories, before->advisories);
  EXPECT_EQ(db->Lookup("pypi", "torch")->size(), 0u);
  // A path that does not exist fails the same way.
  EXPECT_FALSE(ImportPaths(*db, {Real(), (dir / "missing").string()}).ok());
  EXPECT_EQ(db->GetStatus()->advisories, before->advisories);
  // And the database still works afterwards.
  EXPECT_EQ(ImportPaths(*db, {Real()})->counts.added, 10u);
}

TEST(AdvisoryDb, StatusCountsPerEcosystem) {
  TempDir dir;
  auto db = OpenDb(dir);
  ASSERT_TRUE(ImportPaths(*db, {Real()}).ok());
  auto st = db->GetStatus();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->schema_version, kSchemaVersion);
  EXPECT_EQ(st->advisories, 11);
  EXPECT_EQ(st->malicious, 2);
  EXPECT_EQ(st->newest_modified, "2026-09-11T21:00:10Z");
  ASSERT_EQ(st->sources.size(), 1u);
  EXPECT_EQ(st->sources[0].advisories, 11);
  EXPECT_EQ(st->per_ecosystem,
            (std::vector<std::pair<std::string, int64_t>>{{"Go", 1}, {"PyPI", 10}}));
}

TEST(AdvisoryDb, RefusesForeignAndNewerDatabases) {
  TempDir dir;
  EXPECT_EQ(AdvisoryDb::Open((dir / "none.db").string(), false).error().code, ErrorCode::kNotFound);
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "other.db").c_str(), &raw), SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE t(x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto newer = AdvisoryDb::Open((dir / "other.db").string(), true);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.error().message.find("newer"), std::string::npos);
  dir.Write("text.db", "just text");
  EXPECT_FALSE(AdvisoryDb::Open((dir / "text.db").string(), false).ok());
}

TEST(AdvisoryDb, DefaultPathFollowsXdg) {
  const char* old = std::getenv("XDG_CACHE_HOME");
  std::string saved = old ? old : "";
  setenv("XDG_CACHE_HOME", "/tmp/xdg-test", 1);
  EXPECT_EQ(DefaultDbPath(), "/tmp/xdg-test/aisec/advisories.db");
  unsetenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (home) {
    EXPECT_EQ(DefaultDbPath(), std::string(home) + "/.cache/aisec/advisories.db");
  }
  if (old) setenv("XDG_CACHE_HOME", saved.c_str(), 1);
}

}  // namespace
}  // namespace aisec::assess::osv
