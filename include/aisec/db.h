#pragma once
// The advisory database behind vulnerability and malicious-package findings (`aisec db`).
//
//   auto r = aisec::ImportAdvisories({.paths = {"PyPI-all.zip"}, .db_path = "adv.db"});
//   auto s = aisec::AdvisoryStatus("adv.db");
//
// An import runs in one transaction: when it fails, the database is as it was before.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "aisec/export.h"
#include "core/result.h"

namespace aisec {

struct DbImportOptions {
  std::vector<std::string> paths;  // OSV files (JSON/YAML), folders, osv.dev zip exports
  std::string db_path;             // empty: DefaultAdvisoryDbPath()
};

struct DbImportReport {
  std::string db_path;
  uint64_t files = 0;
  uint64_t added = 0, updated = 0, unchanged = 0;
  uint64_t older = 0;      // older than the stored record or its withdrawal: not stored
  uint64_t removed = 0;    // withdrawn since an earlier import
  uint64_t ignored = 0;    // withdrawn or staging records
  uint64_t malicious = 0;  // malicious-package reports among added and updated
  uint64_t invalid = 0;    // records that are not valid OSV (skipped)
  std::vector<std::pair<std::string, std::string>> problems;  // file -> message (first 200)
  uint64_t problem_count = 0;
};

struct DbStatusReport {
  struct Source {
    std::string location;
    std::string imported_at;
    int64_t advisories = 0;
  };
  std::string db_path;
  int schema_version = 0;
  int64_t advisories = 0;
  int64_t malicious = 0;
  std::string newest_modified;
  std::vector<Source> sources;
  std::vector<std::pair<std::string, int64_t>> per_ecosystem;  // OSV ecosystem -> advisories
};

// Fails with kNotFound for a missing path and kIo for unreadable files or damaged archives
// (nothing is imported then); invalid records are reported and skipped.
AISEC_EXPORT Result<DbImportReport> ImportAdvisories(const DbImportOptions& options);
// kNotFound when there is no database at `db_path` (empty: the default location).
AISEC_EXPORT Result<DbStatusReport> AdvisoryStatus(const std::string& db_path);
// $XDG_CACHE_HOME/aisec/advisories.db, else ~/.cache/aisec/advisories.db.
AISEC_EXPORT std::string DefaultAdvisoryDbPath();

}  // namespace aisec
