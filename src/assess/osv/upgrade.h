#pragma once
// The smallest upgrade out of a package's known advisories. The places where advisories leave
// off are the candidates: a `fixed` version (safe from that version on) and a `last_affected`
// one (safe only after it). A candidate counts when none of the package's advisories affects
// the versions it starts.
#include <optional>
#include <string>
#include <vector>

#include "assess/osv/scan_db.h"
#include "assess/version/range.h"

namespace aisec::assess::osv {

class UpgradeFinder {
 public:
  UpgradeFinder(const version::Scheme& s, const PackageAdvisories& all);

  // Every version any of the advisories affects, normalised.
  const version::VersionSet& affected() const { return affected_; }

  // The smallest upgrade above `current` that no advisory affects.
  std::optional<version::Bound> Above(const version::Version& current) const;

  // For a requirement: the smallest lower bound that leaves every affected version out of it
  // while it still admits a version (`*within` true), else the smallest upgrade above every
  // affected version it admits (`*within` false: the requirement must be widened).
  std::optional<version::Bound> ForRequirement(const version::VersionSet& requirement,
                                               bool* within) const;

 private:
  bool StartsSafe(const version::Bound& b) const;

  const version::Scheme& s_;
  version::VersionSet affected_;
  version::VersionSet safe_;                // the complement of affected_, normalised
  std::vector<version::Bound> candidates_;  // ascending
};

// "2.2.1" for an upgrade to that version, ">0.2.71" for one to any version after it.
std::string UpgradeText(const version::Bound& b);

}  // namespace aisec::assess::osv
