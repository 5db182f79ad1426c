#pragma once
// Model-file security (issue "Model file security"): one check per format, listed in
// src/assess/model/registry.cc. A check reads the file only through the FileReader, never loads,
// imports, unpickles, renders or executes anything, and turns every malformed structure into a
// Finding or a Warning, never a crash. The same checks run for `aisec models PATH…` and inside
// `aisec scan` (the model-security assessor runs them on every model file the inventory found).
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "source/file_reader.h"
#include "source/source_file.h"

namespace aisec::assess::model {

// The files one run checks each on its own, as lexically normal relative paths (see
// NormalRunPath). A file that a model names beside itself (an old joblib array file) and that is
// in this set is left to its own check, so that it is read and reported once.
using RunFiles = std::set<std::string, std::less<>>;
std::string NormalRunPath(std::string_view rel_path);

struct ModelFile {
  const source::SourceFile& file;
  source::FileReader& reader;
  uint64_t size = 0;
  std::string_view head;  // the first bytes (up to 4 KiB), for format detection
  const RunFiles* run_files = nullptr;  // null: every named file is checked with the model
};

// A file the model names and leaves to its own check in the same run (RunFiles).
struct FileReference {
  std::string path;     // the named file, NormalRunPath form
  uint64_t offset = 0;  // where the model names it
  std::string snippet;  // how the model names it
};

// What the checks found in one file.
struct ModelReport {
  std::string path;                            // relative path
  std::string format;                          // "pickle", "pytorch-zip", "safetensors", "gguf", …
  std::string sha256;                          // streamed digest; empty when over the digest limit
  uint64_t size = 0;
  std::vector<Finding> findings;               // severity, technique, evidence with byte offsets
  std::vector<Warning> warnings;
  std::map<std::string, std::string> metadata; // what the header says (architecture, dtype, …)
  std::vector<FileReference> deferred;         // named files checked on their own (LinkDeferredFiles)
};

struct ModelCheck {
  std::string_view format;
  // True when this check handles the file (by content first; the basename may help).
  bool (*claims)(std::string_view head, std::string_view basename);
  void (*run)(ModelFile& file, ModelReport& report);
};

// Every check, in the order they are tried; the first that claims a file handles it.
std::span<const ModelCheck> Registry();

}  // namespace aisec::assess::model
