#pragma once
// Helpers shared by the tests: fixture paths, temporary folders, running the real binary.
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog/cataloger.h"
#include "core/scan_result.h"

namespace aisec::testing {

std::filesystem::path Fixture(const std::string& rel);  // tests/fixtures/<rel>
// ../shared next to the checkout (or $AISEC_SHARED_DIR): test data and official schemas.
std::filesystem::path SharedDir();
std::string ReadFile(const std::filesystem::path& p);
void WriteFile(const std::filesystem::path& p, const std::string& text);

// A fresh temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }
  // Writes a file below the folder, creating parents.
  std::filesystem::path Write(const std::string& rel, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the aisec binary with arguments (no shell).
CommandResult RunAisec(const std::vector<std::string>& args);
// `aisec scan ROOT --format json`, parsed; null (and a test failure) when the scan fails.
nlohmann::json ScanJson(const std::filesystem::path& root);
// The components of a scan's JSON document with that name.
std::vector<nlohmann::json> ComponentsNamed(const nlohmann::json& doc, const std::string& name);
// Runs a shell command line.
CommandResult RunShell(const std::string& command);

// Validates a JSON document with the official schema in ../shared/schemas, through ajv
// (tests/tools/validate.js). kind: "cyclonedx" (1.6), "sarif" (2.1.0) or "spdx3" (3.0.1).
// Returns "" when valid, else the validator's report.
std::string SchemaErrors(const std::string& kind, const std::string& document);

// Runs a single cataloger function over one file the way the scanner would.
struct CatalogOutput {
  std::vector<Component> components;
  std::vector<Relation> relations;
  std::vector<Warning> warnings;
  const Component* Find(const std::string& name) const;
};
// `file` is relative to `root`; the file's rel_path in the output is `file`.
CatalogOutput RunCataloger(void (*fn)(catalog::Context&), const std::filesystem::path& root,
                           const std::string& file);

// Names the cases of a value-parameterised suite after their `file` member
// ("truncated_gguf_3") instead of a byte dump of the parameter:
//   INSTANTIATE_TEST_SUITE_P(Fixtures, Suite, ::testing::Values(...), testing::ByFile());
struct ByFile {
  template <class P>
  std::string operator()(const ::testing::TestParamInfo<P>& info) const {
    std::string name;
    for (char c : std::string(info.param.file))
      name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name + "_" + std::to_string(info.index);
  }
};

}  // namespace aisec::testing
