#pragma once
// The public API of libaisec. The CLI uses nothing else.
//
//   aisec::ScanOptions opts{.root = "path/to/repo"};
//   auto result = aisec::Scan(opts);
//   if (!result.ok()) { ... result.error().message ... }
//   auto bom = aisec::Render(*result, "cyclonedx");
//
// Thread-safety: Scan() may run concurrently for different options; it uses its own pool.
#include <filesystem>
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

// Model-file security (`aisec models PATH…`): checks each file given and every model file
// found under each folder given, without loading, importing or executing anything. The result
// holds one component per model file and the findings of the checks; exit_code is 1 when a
// finding is high or critical (or at the policy's fail_on). Fails only for usage errors (a path
// that does not exist, an unreadable policy); unreadable files and files given explicitly that
// are no model format become warnings.
AISEC_EXPORT Result<ScanResult> ScanModels(const std::vector<std::filesystem::path>& paths,
                                           const ScanOptions& options = {});

// Formats a result: one of ReportFormats() ("table", "json", "cyclonedx", "spdx", …).
AISEC_EXPORT Result<std::string> Render(const ScanResult& result, std::string_view format,
                                        const RenderOptions& options = {});
AISEC_EXPORT std::vector<std::string> ReportFormats();

// What a run read, where its time went, which compiled patterns and advisories it used, what it
// found, and every warning: lines for a person (`--verbose` prints them on stderr).
AISEC_EXPORT std::string RenderRunSummary(const ScanResult& result);

AISEC_EXPORT std::string_view Version();

}  // namespace aisec
