#pragma once
// Which advisory database a scan reads: ScanOptions::db_path when given (it must exist), else
// the default location when a database is there, else the snapshot bundled with aisec
// (data/advisories/osv-snapshot.json, loaded once per process into memory).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "aisec/options.h"
#include "assess/assessor.h"
#include "assess/osv/advisory_db.h"

namespace aisec::assess::osv {

class ScanAdvisories {
 public:
  // kNotFound/kInvalidArgument when an explicit --db cannot be opened (a configuration error).
  static Result<ScanAdvisories> Open(const ScanOptions& options);

  AdvisoryDb* db() const { return db_; }  // null when there is no database at all
  const std::string& origin() const { return origin_; }  // path, or "bundled snapshot"

 private:
  std::shared_ptr<AdvisoryDb> owned_;
  AdvisoryDb* db_ = nullptr;
  std::string origin_;
};

// Advisory id -> its affected entries for one package.
using PackageAdvisories = std::map<std::string, std::vector<Affected>>;

// Calls `fn` for every library component of the scan that has advisories of the wanted kind
// (malicious-package reports or vulnerabilities), all lookups in one read transaction of the
// scan's database. Fails only when an explicit --db cannot be opened.
Status ForEachAdvisedComponent(
    Context& ctx, bool malicious,
    const std::function<void(const Component&, const PackageAdvisories&, AdvisoryDb&)>& fn);

// The bundled snapshot as a read-only in-memory database; null if it is not embedded.
AdvisoryDb* BundledSnapshot();

}  // namespace aisec::assess::osv
