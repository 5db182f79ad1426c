#pragma once
// Access to the knowledge files under data/ (catalogues, patterns, rules). They are embedded in
// the binary at build time (cmake/embed_data.cmake), so aisec runs without its source tree.
// When the environment variable AISEC_DATA_DIR names a folder, files found there are used instead,
// so that a user can update a catalogue without rebuilding.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aisec {

namespace data_internal {
struct EmbeddedFile {
  const char* path;
  const char* begin;
  const char* end;
};
extern const EmbeddedFile kEmbeddedFiles[];  // terminated by a null path
}  // namespace data_internal

// Contents of data/<rel_path>, or nullopt when there is no such file. Thread-safe; the returned
// view stays valid for the life of the process.
std::optional<std::string_view> DataFile(std::string_view rel_path);

// Relative paths of the data files whose path starts with `prefix` ("catalog/"), sorted.
std::vector<std::string> DataFiles(std::string_view prefix);

namespace data_internal {
[[noreturn]] void Broken(std::string_view rel_path, const std::string& message);
}  // namespace data_internal

// Parses a shipped data file with `load` (text -> Result<T>), for a function-local static.
// Aborts with a clear message when the file is missing or broken, which the data tests prevent.
template <typename Load>
auto LoadShippedData(std::string_view rel_path, Load load) {
  auto text = DataFile(rel_path);
  auto loaded = load(text ? *text : std::string_view());
  if (!loaded.ok()) data_internal::Broken(rel_path, loaded.error().message);
  return std::move(*loaded);
}

}  // namespace aisec
