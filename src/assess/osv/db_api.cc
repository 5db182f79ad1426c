// The public `aisec::` functions of include/aisec/db.h.
#include "aisec/db.h"
#include "assess/osv/advisory_db.h"
#include "assess/osv/importer.h"

namespace aisec {
namespace {

Result<std::string> ResolvePath(const std::string& given) {
  std::string path = given.empty() ? assess::osv::DefaultDbPath() : given;
  if (path.empty())
    return Status::Invalid("no --db given and neither XDG_CACHE_HOME nor HOME is set");
  return path;
}

}  // namespace

std::string DefaultAdvisoryDbPath() { return assess::osv::DefaultDbPath(); }

Result<DbImportReport> ImportAdvisories(const DbImportOptions& options) {
  if (options.paths.empty()) return Status::Invalid("nothing to import");
  auto path = ResolvePath(options.db_path);
  if (!path.ok()) return path.error();
  auto db = assess::osv::AdvisoryDb::Open(*path, true);
  if (!db.ok()) return db.error();
  auto r = assess::osv::ImportPaths(**db, options.paths);
  if (!r.ok()) return r.error();
  const auto& c = r->counts;
  DbImportReport out{.db_path = *path,
                     .files = r->files,
                     .added = c.added,
                     .updated = c.updated,
                     .unchanged = c.unchanged,
                     .older = c.older,
                     .removed = c.removed,
                     .ignored = c.ignored,
                     .malicious = c.malicious,
                     .invalid = c.invalid,
                     .problem_count = r->problem_count};
  for (const auto& p : r->problems) out.problems.emplace_back(p.path, p.message);
  return out;
}

Result<DbStatusReport> AdvisoryStatus(const std::string& db_path) {
  auto path = ResolvePath(db_path);
  if (!path.ok()) return path.error();
  auto db = assess::osv::AdvisoryDb::Open(*path, false);
  if (!db.ok()) return db.error();
  auto st = (*db)->GetStatus();
  if (!st.ok()) return st.error();
  DbStatusReport out{*path, st->schema_version, st->advisories, st->malicious, st->newest_modified,
                     {},    st->per_ecosystem};
  for (const auto& s : st->sources)
    out.sources.push_back({s.location, s.imported_at, s.advisories});
  return out;
}

}  // namespace aisec
