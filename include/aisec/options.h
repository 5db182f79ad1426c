#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace aisec {

// Reported while a scan runs, from the walking thread.
struct Progress {
  uint64_t files_found = 0;  // files the walk has offered so far
  uint64_t files_done = 0;   // files every cataloger has finished with
  bool walk_done = false;
};

// Everything a scan can be told. Fill with designated initialisers; the defaults are what the
// CLI uses without flags.
struct ScanOptions {
  std::filesystem::path root;
  std::vector<std::string> excludes;  // .gitignore-style patterns, relative to root
  bool default_excludes = true;       // skip .git, node_modules, virtualenvs, build output
  bool gitignore = true;              // honour .gitignore files
  unsigned jobs = 0;                  // worker threads; 0 = one per core
  std::string db_path;                // advisory database (empty: default location if present)
  std::string approved_path;          // approved AI list (shadow AI)
  std::string policy_path;            // policy file (empty: built-in default)
  std::string baseline_path;          // findings to ignore (a previous JSON report)
  std::function<void(const Progress&)> progress;  // optional, called now and then
  // Model files larger than this get no SHA-256 digest (the checks still read their headers).
  uint64_t model_digest_limit = 4ull << 30;
};

struct RenderOptions {
  bool color = false;  // ANSI colours in the table format
};

}  // namespace aisec
