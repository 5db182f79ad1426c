#include "catalog/gradle/nearby_file.h"

#include <filesystem>
#include <system_error>

namespace aisec::catalog {

std::vector<NearbyFile> ReadUpwards(Context& ctx, std::string_view name, bool first_only,
                                    std::string_view source) {
  namespace fs = std::filesystem;
  std::vector<NearbyFile> found;
  fs::path dir_abs = ctx.file().abs_path.parent_path();
  std::string dir_rel = ctx.path();
  auto slash = dir_rel.rfind('/');
  dir_rel = slash == std::string::npos ? "" : dir_rel.substr(0, slash);
  while (true) {
    std::string rel = dir_rel.empty() ? std::string(name) : dir_rel + '/' + std::string(name);
    fs::path abs = dir_abs / fs::path(std::string(name));
    std::error_code ec;
    // A link could point out of the scanned tree: only plain files are companions.
    if (rel != ctx.path() && fs::symlink_status(abs, ec).type() == fs::file_type::regular) {
      source::SourceFile file{rel, abs};
      auto text = ctx.reader().ReadAll(file);
      if (text.ok()) {
        found.push_back(NearbyFile{std::move(file), std::move(*text)});
        if (first_only) break;
      } else {
        ctx.sink().Warn(Location{rel}, "cannot read " + rel + ": " + text.error().message, source);
      }
    }
    if (dir_rel.empty()) break;
    slash = dir_rel.rfind('/');
    dir_rel = slash == std::string::npos ? "" : dir_rel.substr(0, slash);
    dir_abs = dir_abs.parent_path();
  }
  return found;
}

}  // namespace aisec::catalog
