#pragma once
// The local advisory database: OSV records in SQLite, indexed by (purl type, normalised package
// name). Imports run in one transaction, so a failed import leaves the database as it was, and
// skip records whose `modified` time and content are unchanged.
//
// Thread-safety: one AdvisoryDb may be used from several threads; calls are serialised.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "assess/osv/advisory.h"
#include "assess/osv/sqlite.h"
#include "core/result.h"

namespace aisec::assess::osv {

// Bumped whenever the tables change; an older database is rebuilt on the next import, except
// version 1, which lacks only the `withdrawn` table: it is read as it is and the table is added
// by the next import.
inline constexpr int kSchemaVersion = 2;

// What one import did.
struct ImportCounts {
  uint64_t added = 0;
  uint64_t updated = 0;
  uint64_t unchanged = 0;
  uint64_t older = 0;      // records older than the stored one (or its withdrawal): not stored
  uint64_t removed = 0;    // previously imported, now withdrawn
  uint64_t ignored = 0;    // withdrawn or staging (MAL-0000-*) records not stored
  uint64_t malicious = 0;  // MAL- records among added and updated
  uint64_t invalid = 0;    // records that are not valid OSV
  uint64_t changed() const { return added + updated + removed; }
};

struct StoredAffected {
  std::string advisory_id;
  bool malicious = false;
  Affected affected;
};

struct AdvisoryDetails {
  std::string id;
  std::string modified;
  std::string published;
  std::string summary;
  std::string details;
  std::vector<std::string> aliases;
  std::vector<SeverityScore> severity;
  std::vector<Reference> references;
  std::string database_severity;
};

struct DbSource {
  std::string location;
  std::string imported_at;
  int64_t advisories = 0;  // records stored from this source
};

struct DbStatus {
  int schema_version = 0;
  int64_t advisories = 0;
  int64_t malicious = 0;
  std::string newest_modified;
  std::vector<DbSource> sources;
  std::vector<std::pair<std::string, int64_t>> per_ecosystem;  // OSV ecosystem -> advisories
};

class AdvisoryDb {
 public:
  // Opens the database at `path` (":memory:" for a private in-memory one). With `create`, the
  // file and its tables are made when missing; without, a missing file is kNotFound.
  static Result<std::unique_ptr<AdvisoryDb>> Open(const std::string& path, bool create);
  ~AdvisoryDb();
  AdvisoryDb(const AdvisoryDb&) = delete;  // owns the connection
  AdvisoryDb& operator=(const AdvisoryDb&) = delete;

  // --- writing (used by the importer, one import at a time) ---
  Status Begin();
  Status Commit();
  void Rollback();
  // Registers (or refreshes) a source and returns its id.
  Result<int64_t> TouchSource(const std::string& location, const std::string& imported_at);
  // Stores one record (or removes it when withdrawn), counting what happened. A record whose
  // `modified` time is older than the stored one's, or than the withdrawal of its id, is not
  // stored: an old export never replaces a newer record or brings back a withdrawn one.
  Status Put(const Advisory& adv, const std::string& content_hash, int64_t source_id,
             ImportCounts& counts);

  // --- reading ---
  // Many lookups in a row (a scan) run inside one read transaction: one lock and a page cache
  // that stays valid. No-op for in-memory databases, which may be shared between scans.
  void BeginRead();
  void EndRead();
  // Every affected entry for a package; `purl_type` as in Component::ecosystem.
  Result<std::vector<StoredAffected>> Lookup(std::string_view purl_type, std::string_view name);
  Result<AdvisoryDetails> Details(const std::string& id);
  Result<DbStatus> GetStatus();

 private:
  AdvisoryDb(sqlite3* db, bool memory) : db_(db), memory_(memory) {}
  Status Init(bool create);
  Status CreateTables();
  Status AddWithdrawnTable();
  // The stored `modified` time of the record `id` (from the `advisory` table, or from
  // `withdrawn`): empty when there is none.
  Result<std::string> StoredModified(sql::Stmt& slot, const char* query, const std::string& id);
  Status Remove(const Advisory& adv, bool exists, ImportCounts& counts);
  Status Store(const Advisory& adv, const std::string& hash, int64_t source_id);

  Result<sql::Stmt*> Prepared(sql::Stmt& slot, const char* text);

  sqlite3* db_;
  bool memory_;
  std::mutex mu_;
  // Prepared once, reused for every call.
  sql::Stmt lookup_, find_, insert_, insert_affected_, delete_affected_, delete_, details_;
  sql::Stmt find_withdrawn_, put_withdrawn_, delete_withdrawn_;
};

// Orders two OSV `modified` times (RFC 3339) by the instant they name: <0, 0 or >0. Times that
// are not RFC 3339 compare as text.
int CompareModified(std::string_view a, std::string_view b);

// $XDG_CACHE_HOME/aisec/advisories.db, else ~/.cache/aisec/advisories.db; empty when neither
// variable is set.
std::string DefaultDbPath();

// The key a package is stored under: (purl type, or "osv:<ecosystem>" when aisec does not know
// the ecosystem; normalised name).
std::pair<std::string, std::string> PackageKey(std::string_view osv_ecosystem, std::string_view name);

}  // namespace aisec::assess::osv
