#include "assess/osv/scan_db.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "assess/osv/importer.h"
#include "core/data.h"

namespace aisec::assess::osv {

AdvisoryDb* BundledSnapshot() {
  static std::once_flag once;
  static std::unique_ptr<AdvisoryDb> snapshot;
  std::call_once(once, [] {
    auto text = DataFile("advisories/osv-snapshot.json");
    if (!text) return;
    auto db = AdvisoryDb::Open(":memory:", true);
    if (!db.ok()) return;
    auto imported = ImportText(**db, *text, "bundled snapshot");
    if (!imported.ok()) {
      std::fprintf(stderr, "aisec: bundled advisory snapshot unusable: %s\n",
                   imported.error().message.c_str());
      return;
    }
    snapshot = std::move(*db);
  });
  return snapshot.get();
}

Result<ScanAdvisories> ScanAdvisories::Open(const ScanOptions& options) {
  ScanAdvisories out;
  std::string path = options.db_path;
  bool explicit_path = !path.empty();
  if (!explicit_path) {
    path = DefaultDbPath();
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) path.clear();
  }
  if (!path.empty()) {
    auto db = AdvisoryDb::Open(path, false);
    if (!db.ok()) {
      if (explicit_path) return db.error();
    } else {
      out.owned_ = std::move(*db);
      out.db_ = out.owned_.get();
      out.origin_ = path;
      return out;
    }
  }
  out.db_ = BundledSnapshot();
  out.origin_ = "bundled snapshot";
  return out;
}

Status ForEachAdvisedComponent(
    Context& ctx, bool malicious,
    const std::function<void(const Component&, const PackageAdvisories&, AdvisoryDb&)>& fn) {
  auto is_package = [](const Component& c) {
    return c.kind == ComponentKind::kLibrary && !c.ecosystem.empty();
  };
  // Nothing to look up: do not open (or load) a database at all.
  if (std::none_of(ctx.result.components.begin(), ctx.result.components.end(), is_package) &&
      ctx.options.db_path.empty()) {
    return Status::Ok();
  }
  auto advisories = ScanAdvisories::Open(ctx.options);
  if (!advisories.ok()) return advisories.status();
  AdvisoryDb* db = advisories->db();
  if (!db) return Status::Ok();
  ctx.result.stats.advisory_source = advisories->origin();
  db->BeginRead();
  for (const Component& c : ctx.result.components) {
    if (!is_package(c)) continue;
    auto rows = db->Lookup(c.ecosystem, c.name);
    if (!rows.ok()) {
      ctx.result.warnings.push_back(
          {{}, "advisory lookup for " + c.name + " failed: " + rows.error().message, "advisories"});
      continue;
    }
    PackageAdvisories found;
    for (auto& r : *rows) {
      if (r.malicious == malicious) found[r.advisory_id].push_back(std::move(r.affected));
    }
    if (!found.empty()) fn(c, found, *db);
  }
  db->EndRead();
  return Status::Ok();
}

}  // namespace aisec::assess::osv
