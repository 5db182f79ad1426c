#pragma once
// The assess stage: runs over the whole inventory and adds Findings (vulnerabilities, unsafe model
// files, risky code, shadow AI, …). An assessor may read scanned files again only through the
// FileReader, so limits and counters stay in one place.
#include <span>
#include <string_view>

#include "aisec/options.h"
#include "core/result.h"
#include "core/scan_result.h"
#include "source/file_reader.h"

namespace aisec::assess {

struct Context {
  ScanResult& result;
  const ScanOptions& options;
  source::FileReader& reader;
};

struct Assessor {
  std::string_view name;
  // A failing Status stops the scan (configuration errors only, such as an unreadable --db).
  Status (*run)(Context& ctx);
};

// Every assessor, in the order they run (src/assess/registry.cc).
std::span<const Assessor> Registry();

}  // namespace aisec::assess
