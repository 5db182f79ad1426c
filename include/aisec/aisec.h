#pragma once
// The public API of libaisec. The CLI uses nothing else.
//
//   aisec::ScanOptions opts{.root = "path/to/repo"};
//   auto result = aisec::Scan(opts);
//   if (!result.ok()) { ... result.error().message ... }
//   auto bom = aisec::Render(*result, "cyclonedx");
//
// Thread-safety: Scan() may run concurrently for different options; it uses its own pool.
#include <string>
#include <string_view>
#include <vector>

#include "aisec/export.h"
#include "aisec/options.h"
#include "core/result.h"
#include "core/scan_result.h"

namespace aisec {

// Runs the whole static pipeline: source -> catalogers -> assessors -> policy. Fails only for
// usage or configuration errors (root missing, unreadable policy); problems with individual
// files are warnings in the result.
AISEC_EXPORT Result<ScanResult> Scan(const ScanOptions& options);

// Formats a result: one of ReportFormats() ("table", "json", "cyclonedx", "spdx", …).
AISEC_EXPORT Result<std::string> Render(const ScanResult& result, std::string_view format,
                                        const RenderOptions& options = {});
AISEC_EXPORT std::vector<std::string> ReportFormats();

AISEC_EXPORT std::string_view Version();

}  // namespace aisec
