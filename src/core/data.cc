#include "core/data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace aisec {
namespace {

std::optional<std::string_view> FromOverrideDir(std::string_view rel_path) {
  static const char* dir = std::getenv("AISEC_DATA_DIR");
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<std::string>, std::less<>> cache;
  std::lock_guard lock(mu);
  if (auto it = cache.find(rel_path); it != cache.end()) {
    if (!it->second) return std::nullopt;
    return std::string_view(*it->second);
  }
  std::ifstream in(std::string(dir) + "/" + std::string(rel_path), std::ios::binary);
  std::unique_ptr<std::string> content;
  if (in) {
    std::ostringstream ss;
    ss << in.rdbuf();
    content = std::make_unique<std::string>(ss.str());
  }
  auto& slot = cache[std::string(rel_path)];
  slot = std::move(content);
  if (!slot) return std::nullopt;
  return std::string_view(*slot);
}

}  // namespace

std::optional<std::string_view> DataFile(std::string_view rel_path) {
  if (auto over = FromOverrideDir(rel_path)) return over;
  for (const auto* f = data_internal::kEmbeddedFiles; f->path != nullptr; ++f) {
    if (rel_path == f->path) return std::string_view(f->begin, f->end - f->begin);
  }
  return std::nullopt;
}

namespace data_internal {
void Broken(std::string_view rel_path, const std::string& message) {
  std::fprintf(stderr, "aisec: broken data file %.*s: %s\n", static_cast<int>(rel_path.size()),
               rel_path.data(), message.c_str());
  std::abort();
}
}  // namespace data_internal

std::vector<std::string> DataFiles(std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto* f = data_internal::kEmbeddedFiles; f->path != nullptr; ++f) {
    if (std::string_view(f->path).starts_with(prefix)) out.emplace_back(f->path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace aisec
