#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace aisec::source {

// One regular file found by the walk.
struct SourceFile {
  std::string rel_path;            // relative to the scan root, '/' separated
  std::filesystem::path abs_path;  // what to open

  std::string_view Basename() const {
    auto slash = rel_path.rfind('/');
    return slash == std::string::npos ? std::string_view(rel_path)
                                      : std::string_view(rel_path).substr(slash + 1);
  }
};

}  // namespace aisec::source
