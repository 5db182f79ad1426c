#pragma once
// The report stage: reporters only format a ScanResult; they never compute what another stage
// should have computed.
#include <span>
#include <string>
#include <string_view>

#include "aisec/options.h"
#include "core/scan_result.h"

namespace aisec::report {

struct Reporter {
  std::string_view name;         // --format value
  std::string_view description;
  std::string (*render)(const ScanResult& result, const RenderOptions& options);
};

// Every reporter (src/report/registry.cc).
std::span<const Reporter> Registry();
const Reporter* Find(std::string_view name);

}  // namespace aisec::report
