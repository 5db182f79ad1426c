#pragma once
// `aisec db import`: reads OSV records from files (JSON or YAML, one record or an array),
// folders (recursively) and the per-ecosystem zip exports osv.dev publishes, and stores them
// in an AdvisoryDb in one transaction.
//
// A file or record that is not valid OSV is reported and skipped; a path that cannot be read
// at all (missing, unreadable, a corrupt archive) aborts the import and rolls it back, so the
// database is never left half-written.
#include <string>
#include <vector>

#include "assess/osv/advisory_db.h"

namespace aisec::assess::osv {

struct FileProblem {
  std::string path;     // the file, or "archive.zip!member.json"
  std::string message;
};

struct ImportResult {
  ImportCounts counts;
  uint64_t files = 0;                 // files (and archive members) read
  std::vector<FileProblem> problems;  // invalid files and records (first kMaxProblems)
  uint64_t problem_count = 0;
};

inline constexpr size_t kMaxProblems = 200;
inline constexpr uint64_t kMaxOsvFileBytes = 256ull << 20;  // a JSON array export may be large
inline constexpr uint64_t kMaxArchiveMemberBytes = 64ull << 20;

Result<ImportResult> ImportPaths(AdvisoryDb& db, const std::vector<std::string>& paths);

// Imports records held in memory (the bundled snapshot), labelled `source` in the database.
Result<ImportResult> ImportText(AdvisoryDb& db, std::string_view text, const std::string& source);

}  // namespace aisec::assess::osv
