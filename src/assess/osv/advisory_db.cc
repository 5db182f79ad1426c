#include "assess/osv/advisory_db.h"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "assess/version/scheme.h"
#include "core/cache_dir.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::assess::osv {
namespace {

constexpr const char* kTables = R"sql(
CREATE TABLE source(
  id INTEGER PRIMARY KEY,
  location TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL);
CREATE TABLE advisory(
  id TEXT PRIMARY KEY,
  modified TEXT NOT NULL,
  published TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source_id INTEGER REFERENCES source(id),
  malicious INTEGER NOT NULL,
  summary TEXT NOT NULL,
  details TEXT NOT NULL,
  aliases TEXT NOT NULL,      -- one per line
  severity TEXT NOT NULL,     -- "TYPE score" per line
  refs TEXT NOT NULL,         -- "TYPE url" per line
  db_severity TEXT NOT NULL);
CREATE TABLE affected(
  advisory_id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
  ecosystem TEXT NOT NULL,      -- purl type, or "osv:<ecosystem>"
  name TEXT NOT NULL,           -- normalised for the ecosystem
  osv_ecosystem TEXT NOT NULL,  -- as the record names it
  malicious INTEGER NOT NULL,   -- copied from the advisory, so lookups need no join
  ranges TEXT NOT NULL);        -- EncodeAffected()
CREATE INDEX affected_by_package ON affected(ecosystem, name);
CREATE INDEX affected_by_advisory ON affected(advisory_id);
)sql";

// Withdrawn ids and the `modified` time of their withdrawal, so that an older copy of the
// record imported later does not bring it back.
constexpr const char* kWithdrawnTable = R"sql(
CREATE TABLE IF NOT EXISTS withdrawn(
  id TEXT PRIMARY KEY,
  modified TEXT NOT NULL);
)sql";

std::string Lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (i.find('\n') == std::string::npos) out += i + '\n';
  }
  return out;
}

template <typename T, typename F>
std::string PairLines(const std::vector<T>& items, F fields) {
  std::string out;
  for (const auto& i : items) {
    auto [a, b] = fields(i);
    if (a.find_first_of(" \n") == std::string::npos && b.find('\n') == std::string::npos) {
      out += a + ' ' + b + '\n';
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> SplitPairs(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string_view line : SplitLines(text)) {
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    out.emplace_back(std::string(line.substr(0, sp)), std::string(line.substr(sp + 1)));
  }
  return out;
}

bool Digits(std::string_view t, size_t pos, size_t n, int* out) {
  if (pos + n > t.size()) return false;
  const char* end = t.data() + pos + n;
  auto r = std::from_chars(t.data() + pos, end, *out);
  return r.ec == std::errc() && r.ptr == end;
}

// An RFC 3339 time as (UTC seconds, fraction digits without trailing zeros), so that times
// with other offsets or fractions order by the instant they name; nullopt when it is not one.
std::optional<std::pair<int64_t, std::string>> Instant(std::string_view t) {
  int y, mo, d, h, mi, sec;
  if (t.size() < 20 || !Digits(t, 0, 4, &y) || t[4] != '-' || !Digits(t, 5, 2, &mo) ||
      t[7] != '-' || !Digits(t, 8, 2, &d) || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') ||
      !Digits(t, 11, 2, &h) || t[13] != ':' || !Digits(t, 14, 2, &mi) || t[16] != ':' ||
      !Digits(t, 17, 2, &sec)) {
    return std::nullopt;
  }
  size_t pos = 19;
  std::string fraction;
  if (t[pos] == '.') {
    while (++pos < t.size() && t[pos] >= '0' && t[pos] <= '9') fraction += t[pos];
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  int offset = 0;
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
    ++pos;
  } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
    int oh, om;
    if (!Digits(t, pos + 1, 2, &oh) || pos + 3 >= t.size() || t[pos + 3] != ':' ||
        !Digits(t, pos + 4, 2, &om)) {
      return std::nullopt;
    }
    offset = (t[pos] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != t.size()) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month(mo),
                                   std::chrono::day(d)};
  if (!date.ok()) return std::nullopt;
  int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
  return std::pair{days * 86400 + h * 3600 + mi * 60 + sec - offset, fraction};
}

}  // namespace

int CompareModified(std::string_view a, std::string_view b) {
  auto ia = Instant(a), ib = Instant(b);
  if (ia && ib) return *ia < *ib ? -1 : (*ib < *ia ? 1 : 0);
  return a < b ? -1 : (b < a ? 1 : 0);  // not RFC 3339: as text
}

std::pair<std::string, std::string> PackageKey(std::string_view osv_ecosystem,
                                               std::string_view name) {
  std::string_view purl = version::PurlTypeForOsvEcosystem(osv_ecosystem);
  if (purl.empty()) return {"osv:" + std::string(osv_ecosystem), std::string(name)};
  return {std::string(purl), NormalizePackageName(purl, name)};
}

std::string DefaultDbPath() {
  std::filesystem::path dir = UserCacheDir();
  return dir.empty() ? std::string() : (dir / "advisories.db").string();
}

Result<std::unique_ptr<AdvisoryDb>> AdvisoryDb::Open(const std::string& path, bool create) {
  namespace fs = std::filesystem;
  bool memory = path == ":memory:";
  if (!memory && !create && !fs::exists(path)) {
    return Status::NotFound("advisory database " + path + " does not exist");
  }
  if (!memory && create) {
    std::error_code ec;
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
  }
  sqlite3* raw = nullptr;
  int flags = create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
  if (sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    Status s = sql::SqlError(raw, "cannot open advisory database " + path);
    sqlite3_close(raw);
    return s;
  }
  std::unique_ptr<AdvisoryDb> db(new AdvisoryDb(raw, memory));
  if (Status s = db->Init(create); !s.ok()) return s;
  return db;
}

AdvisoryDb::~AdvisoryDb() {
  lookup_ = {}, find_ = {}, insert_ = {}, insert_affected_ = {}, delete_affected_ = {};
  delete_ = {}, details_ = {}, find_withdrawn_ = {}, put_withdrawn_ = {}, delete_withdrawn_ = {};
  sqlite3_close(db_);
}

Status AdvisoryDb::Init(bool create) {
  sqlite3_busy_timeout(db_, 5000);
  // Lookups during a scan touch many pages: map the file instead of copying pages through
  // read(2), and keep a larger page cache.
  if (Status s = sql::Exec(db_,
                           "PRAGMA foreign_keys = ON; PRAGMA mmap_size = 1073741824; "
                           "PRAGMA cache_size = -65536");
      !s.ok()) {
    return s;
  }
  auto version = sql::Stmt::Prepare(db_, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  auto row = version->Step();
  if (!row.ok()) return row.status();
  int found = static_cast<int>(version->Int(0));
  if (found == kSchemaVersion) return Status::Ok();
  if (found == 1) return create ? AddWithdrawnTable() : Status::Ok();
  if (found > kSchemaVersion) {
    return Status::Invalid("advisory database has schema version " + std::to_string(found) +
                           ", newer than this aisec understands (" +
                           std::to_string(kSchemaVersion) + ")");
  }
  if (!create) {
    return Status::Invalid(found == 0 ? "not an aisec advisory database"
                                      : "advisory database is from an older aisec; run "
                                        "`aisec db import` again");
  }
  return CreateTables();
}

// A database is a cache of the imported files: an older layout is dropped and rebuilt.
Status AdvisoryDb::CreateTables() {
  if (Status s = sql::Exec(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
  Status s = sql::Exec(db_,
                       "DROP TABLE IF EXISTS affected; DROP TABLE IF EXISTS advisory;"
                       "DROP TABLE IF EXISTS source;");
  if (s.ok()) s = sql::Exec(db_, kTables);
  if (s.ok()) s = sql::Exec(db_, kWithdrawnTable);
  if (s.ok()) {
    s = sql::Exec(db_, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  }
  if (!s.ok()) {
    Rollback();
    return s;
  }
  return sql::Exec(db_, "COMMIT");
}

// Schema 1 to 2: only the `withdrawn` table is new.
Status AdvisoryDb::AddWithdrawnTable() {
  if (Status s = sql::Exec(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
  Status s = sql::Exec(db_, kWithdrawnTable);
  if (s.ok())
    s = sql::Exec(db_, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  if (!s.ok()) {
    Rollback();
    return s;
  }
  return sql::Exec(db_, "COMMIT");
}

Result<sql::Stmt*> AdvisoryDb::Prepared(sql::Stmt& slot, const char* text) {
  if (slot.valid()) return &slot;
  auto s = sql::Stmt::Prepare(db_, text);
  if (!s.ok()) return s.error();
  slot = std::move(*s);
  return &slot;
}

Status AdvisoryDb::Begin() {
  std::lock_guard lock(mu_);
  return sql::Exec(db_, "BEGIN IMMEDIATE");
}

Status AdvisoryDb::Commit() {
  std::lock_guard lock(mu_);
  return sql::Exec(db_, "COMMIT");
}

void AdvisoryDb::Rollback() {
  if (!sqlite3_get_autocommit(db_)) (void)sql::Exec(db_, "ROLLBACK");
}

void AdvisoryDb::BeginRead() {
  std::lock_guard lock(mu_);
  if (!memory_ && sqlite3_get_autocommit(db_)) (void)sql::Exec(db_, "BEGIN");
}

void AdvisoryDb::EndRead() {
  std::lock_guard lock(mu_);
  if (!memory_ && !sqlite3_get_autocommit(db_)) (void)sql::Exec(db_, "COMMIT");
}

Result<int64_t> AdvisoryDb::TouchSource(const std::string& location,
                                        const std::string& imported_at) {
  std::lock_guard lock(mu_);
  auto up = sql::Stmt::Prepare(db_,
                               "INSERT INTO source(location, imported_at) VALUES(?1, ?2) "
                               "ON CONFLICT(location) DO UPDATE SET imported_at = ?2 "
                               "RETURNING id");
  if (!up.ok()) return up.error();
  up->Bind(1, location).Bind(2, imported_at);
  auto row = up->Step();
  if (!row.ok()) return row.error();
  if (!*row) return Status::Internal("source id not returned");
  return up->Int(0);
}

Result<std::string> AdvisoryDb::StoredModified(sql::Stmt& slot, const char* query,
                                               const std::string& id) {
  auto q = Prepared(slot, query);
  if (!q.ok()) return q.error();
  (*q)->Bind(1, id);
  auto row = (*q)->Step();
  if (!row.ok()) {
    (*q)->Reset();
    return row.error();
  }
  std::string modified = *row ? std::string((*q)->Text(0)) : std::string();
  (*q)->Reset();
  return modified;
}

Status AdvisoryDb::Put(const Advisory& adv, const std::string& hash, int64_t source_id,
                       ImportCounts& counts) {
  std::lock_guard lock(mu_);
  auto find = Prepared(find_, "SELECT modified, content_hash FROM advisory WHERE id = ?1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, adv.id);
  auto row = (*find)->Step();
  if (!row.ok()) return row.status();
  bool exists = *row;
  std::string stored = exists ? std::string((*find)->Text(0)) : std::string();
  bool same = exists && stored == adv.modified && (*find)->Text(1) == hash;
  (*find)->Reset();
  if (exists && CompareModified(adv.modified, stored) < 0) {
    ++counts.older;
    return Status::Ok();
  }
  if (!adv.withdrawn.empty() || adv.IsStaging()) return Remove(adv, exists, counts);
  if (same) {
    ++counts.unchanged;
    return Status::Ok();
  }
  auto withdrawn =
      StoredModified(find_withdrawn_, "SELECT modified FROM withdrawn WHERE id = ?1", adv.id);
  if (!withdrawn.ok()) return withdrawn.status();
  if (!withdrawn->empty()) {
    if (CompareModified(adv.modified, *withdrawn) < 0) {
      ++counts.older;
      return Status::Ok();
    }
    // Not older than its withdrawal: the record is live again.
    auto del = Prepared(delete_withdrawn_, "DELETE FROM withdrawn WHERE id = ?1");
    if (!del.ok()) return del.status();
    if (Status s = (*del)->Bind(1, adv.id).Run(); !s.ok()) return s;
  }
  if (Status s = Store(adv, hash, source_id); !s.ok()) return s;
  ++(exists ? counts.updated : counts.added);
  if (adv.IsMalicious()) ++counts.malicious;
  return Status::Ok();
}

// A withdrawn record is removed and its withdrawal remembered; a staging record is not stored.
Status AdvisoryDb::Remove(const Advisory& adv, bool exists, ImportCounts& counts) {
  if (!adv.withdrawn.empty()) {
    auto put = Prepared(put_withdrawn_,
                        "INSERT INTO withdrawn(id, modified) VALUES(?1, ?2) ON CONFLICT(id) DO "
                        "UPDATE SET modified = ?2");
    if (!put.ok()) return put.status();
    auto before =
        StoredModified(find_withdrawn_, "SELECT modified FROM withdrawn WHERE id = ?1", adv.id);
    if (!before.ok()) return before.status();
    if (before->empty() || CompareModified(adv.modified, *before) > 0) {
      if (Status s = (*put)->Bind(1, adv.id).Bind(2, adv.modified).Run(); !s.ok()) return s;
    }
  }
  if (!exists) {
    ++counts.ignored;
    return Status::Ok();
  }
  auto del = Prepared(delete_, "DELETE FROM advisory WHERE id = ?1");
  if (!del.ok()) return del.status();
  ++counts.removed;
  return (*del)->Bind(1, adv.id).Run();
}

Status AdvisoryDb::Store(const Advisory& adv, const std::string& hash, int64_t source_id) {
  auto del_aff = Prepared(delete_affected_, "DELETE FROM affected WHERE advisory_id = ?1");
  auto ins = Prepared(insert_,
                      "INSERT OR REPLACE INTO advisory(id, modified, published, content_hash, "
                      "source_id, malicious, summary, details, aliases, severity, refs, "
                      "db_severity) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  auto ins_aff = Prepared(insert_affected_,
                          "INSERT INTO affected(advisory_id, ecosystem, name, osv_ecosystem, "
                          "malicious, ranges) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  if (!del_aff.ok()) return del_aff.status();
  if (!ins.ok()) return ins.status();
  if (!ins_aff.ok()) return ins_aff.status();
  if (Status s = (*del_aff)->Bind(1, adv.id).Run(); !s.ok()) return s;
  (*ins)->Bind(1, adv.id).Bind(2, adv.modified).Bind(3, adv.published).Bind(4, hash);
  (*ins)->Bind(5, source_id).Bind(6, int64_t{adv.IsMalicious()}).Bind(7, adv.summary);
  (*ins)->Bind(8, adv.details).Bind(9, Lines(adv.aliases));
  (*ins)->Bind(10, PairLines(adv.severity, [](const SeverityScore& s) {
                 return std::pair{s.type, s.score};
               }));
  (*ins)->Bind(11, PairLines(adv.references, [](const Reference& r) {
                 return std::pair{r.type, r.url};
               }));
  (*ins)->Bind(12, adv.database_severity);
  if (Status s = (*ins)->Run(); !s.ok()) return s;
  for (const Affected& a : adv.affected) {
    auto [eco, name] = PackageKey(a.ecosystem, a.name);
    (*ins_aff)->Bind(1, adv.id).Bind(2, eco).Bind(3, name).Bind(4, a.ecosystem);
    (*ins_aff)->Bind(5, int64_t{adv.IsMalicious()}).Bind(6, EncodeAffected(a));
    if (Status s = (*ins_aff)->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::vector<StoredAffected>> AdvisoryDb::Lookup(std::string_view purl_type,
                                                       std::string_view name) {
  std::lock_guard lock(mu_);
  auto q = Prepared(lookup_,
                    "SELECT advisory_id, malicious, osv_ecosystem, ranges FROM affected "
                    "WHERE ecosystem = ?1 AND name = ?2");
  if (!q.ok()) return q.error();
  sql::Stmt& st = **q;
  st.Bind(1, purl_type).Bind(2, NormalizePackageName(purl_type, name));
  std::vector<StoredAffected> out;
  while (true) {
    auto row = st.Step();
    if (!row.ok()) {
      st.Reset();
      return row.error();
    }
    if (!*row) break;
    auto affected = DecodeAffected(st.Text(3));
    if (!affected.ok()) continue;  // a corrupt row is skipped, not fatal for the scan
    affected->ecosystem = std::string(st.Text(2));
    affected->name = std::string(name);
    out.push_back({std::string(st.Text(0)), st.Int(1) != 0, std::move(*affected)});
  }
  st.Reset();
  return out;
}

Result<AdvisoryDetails> AdvisoryDb::Details(const std::string& id) {
  std::lock_guard lock(mu_);
  auto prepared = Prepared(details_,
                           "SELECT id, modified, published, summary, details, aliases, "
                           "severity, refs, db_severity FROM advisory WHERE id = ?1");
  if (!prepared.ok()) return prepared.error();
  sql::Stmt* q = *prepared;
  q->Bind(1, id);
  auto row = q->Step();
  if (!row.ok() || !*row) {
    q->Reset();
    if (!row.ok()) return row.error();
    return Status::NotFound("no advisory " + id);
  }
  AdvisoryDetails d{std::string(q->Text(0)),
                    std::string(q->Text(1)),
                    std::string(q->Text(2)),
                    std::string(q->Text(3)),
                    std::string(q->Text(4)),
                    {},
                    {},
                    {},
                    std::string(q->Text(8))};
  for (auto line : SplitLines(q->Text(5))) d.aliases.emplace_back(line);
  for (auto& [t, s] : SplitPairs(q->Text(6))) d.severity.push_back({t, s});
  for (auto& [t, u] : SplitPairs(q->Text(7))) d.references.push_back({t, u});
  q->Reset();
  return d;
}

Result<DbStatus> AdvisoryDb::GetStatus() {
  std::lock_guard lock(mu_);
  DbStatus st;
  st.schema_version = kSchemaVersion;
  auto totals = sql::Stmt::Prepare(
      db_,
      "SELECT COUNT(*), COALESCE(SUM(malicious), 0), COALESCE(MAX(modified), '') FROM advisory");
  if (!totals.ok()) return totals.error();
  if (auto r = totals->Step(); !r.ok()) return r.error();
  st.advisories = totals->Int(0);
  st.malicious = totals->Int(1);
  st.newest_modified = std::string(totals->Text(2));
  auto sources =
      sql::Stmt::Prepare(db_,
                         "SELECT s.location, s.imported_at, (SELECT COUNT(*) FROM advisory a WHERE "
                         "a.source_id = s.id) FROM source s ORDER BY s.location");
  if (!sources.ok()) return sources.error();
  for (auto r = sources->Step(); r.ok() && *r; r = sources->Step()) {
    st.sources.push_back(
        {std::string(sources->Text(0)), std::string(sources->Text(1)), sources->Int(2)});
  }
  auto eco = sql::Stmt::Prepare(db_,
                                "SELECT osv_ecosystem, COUNT(DISTINCT advisory_id) FROM affected "
                                "GROUP BY osv_ecosystem ORDER BY osv_ecosystem");
  if (!eco.ok()) return eco.error();
  for (auto r = eco->Step(); r.ok() && *r; r = eco->Step()) {
    st.per_ecosystem.emplace_back(std::string(eco->Text(0)), eco->Int(1));
  }
  return st;
}

}  // namespace aisec::assess::osv
