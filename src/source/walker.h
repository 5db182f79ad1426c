#pragma once
// Walks a tree once, depth first, and hands every regular file to a callback.
// Honours .gitignore files and the default excludes (data/source/default-excludes.yaml), never
// follows a directory symlink, follows a file symlink only when its target is inside the root,
// and skips devices, FIFOs and sockets. Unreadable folders become warnings.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/component.h"
#include "core/result.h"
#include "source/source_file.h"

namespace aisec::source {

struct WalkOptions {
  std::filesystem::path root;
  bool default_excludes = true;
  bool gitignore = true;
  std::vector<std::string> excludes;  // gitignore-style patterns relative to the root
  int max_depth = 256;
};

struct WalkStats {
  uint64_t files = 0;
  uint64_t dirs = 0;
  uint64_t skipped = 0;  // excluded or ignored entries, links out of the root, special files
};

// Calls on_file for each file, in the walking thread. Fails only when the root itself cannot be
// read; everything below it that cannot be read is a warning.
Status Walk(const WalkOptions& options, const std::function<void(SourceFile)>& on_file,
            WalkStats* stats, std::vector<Warning>* warnings);

// Directory names excluded by default (loaded once from data).
const std::vector<std::string>& DefaultExcludes();

}  // namespace aisec::source
