#include "assess/osv/scan_db.h"

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

}  // namespace aisec::assess::osv
