#pragma once
// What every pipeline (`scan`, `models`) does to a result before handing it out.
#include <chrono>
#include <string>

#include "core/scan_result.h"

namespace aisec::scan {

// Current time, RFC 3339 UTC.
std::string NowRfc3339();

// Orders warnings by place and findings by severity (highest first), rule and fingerprint, so
// that reports are stable across runs and thread counts.
void SortResult(ScanResult& result);

// Records how long each stage of a pipeline took (ScanStats::stages, for --verbose): Lap() ends
// the stage that began at construction or at the previous Lap().
class StageClock {
 public:
  explicit StageClock(ScanStats& stats) : stats_(stats) {}
  void Lap(std::string name);

 private:
  ScanStats& stats_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace aisec::scan
