#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/component.h"
#include "core/finding.h"

namespace aisec {

struct ScanStats {
  uint64_t files_seen = 0;      // regular files offered to catalogers
  uint64_t files_cataloged = 0; // files at least one cataloger claimed
  uint64_t bytes_read = 0;
  uint64_t dirs_skipped = 0;    // by ignore rules and default excludes
  uint64_t findings_suppressed = 0;  // ignored or exempted by the policy
  double seconds = 0;
  // For --verbose; not part of the reports.
  struct Stage {
    std::string name;
    double seconds = 0;
  };
  std::vector<Stage> stages;          // in the order they ran
  std::string advisory_source;        // the advisory database used, if any was opened
  uint64_t pattern_sets_cached = 0;   // pattern sets taken from the compiled-pattern cache
  uint64_t pattern_sets_compiled = 0; // and compiled, in this process so far
};

struct ScanResult {
  std::string tool_name = "aisec";
  std::string tool_version;
  std::string root;        // as given by the user
  std::string started_at;  // RFC 3339 UTC
  std::string finished_at;
  std::vector<Component> components;  // merged, sorted by Key()
  std::vector<Relation> relations;    // sorted, unique
  std::vector<Finding> findings;
  std::vector<Warning> warnings;
  ScanStats stats;
  int exit_code = 0;  // decided by policy: 0 pass, 1 fail

  const Component* FindComponent(const std::string& key) const;
};

}  // namespace aisec
