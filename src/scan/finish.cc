#include "scan/finish.h"

#include <algorithm>
#include <ctime>
#include <tuple>

namespace aisec::scan {

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm;
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void SortResult(ScanResult& result) {
  std::sort(result.warnings.begin(), result.warnings.end(), [](const Warning& a, const Warning& b) {
    return std::tie(a.location.path, a.location.line, a.message) <
           std::tie(b.location.path, b.location.line, b.message);
  });
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(b.severity, a.rule_id, a.fingerprint) < std::tie(a.severity, b.rule_id, b.fingerprint);
  });
}

void StageClock::Lap(std::string name) {
  auto now = std::chrono::steady_clock::now();
  stats_.stages.push_back({std::move(name), std::chrono::duration<double>(now - last_).count()});
  last_ = now;
}

}  // namespace aisec::scan
