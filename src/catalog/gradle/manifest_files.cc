#include "catalog/gradle/manifest_files.h"

#include <filesystem>
#include <system_error>

#include "catalog/python/load.h"
#include "core/strings.h"

namespace aisec::catalog {
namespace {

namespace fs = std::filesystem;

std::string Parent(const std::string& rel) {
  auto slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

// Reads dir/name when it is a plain file (a link could point out of the scanned tree).
std::optional<NearbyFile> TryRead(Context& ctx, const std::string& dir_rel, const fs::path& dir_abs,
                                  std::string_view name, std::string_view source) {
  std::string rel = dir_rel.empty() ? std::string(name) : dir_rel + '/' + std::string(name);
  fs::path abs = dir_abs / fs::path(std::string(name));
  std::error_code ec;
  if (rel == ctx.path() || fs::symlink_status(abs, ec).type() != fs::file_type::regular) {
    return std::nullopt;
  }
  source::SourceFile file{rel, abs};
  auto text = ctx.reader().ReadAll(file);
  if (!text.ok()) {
    ctx.sink().Warn(Location{rel}, "cannot read " + rel + ": " + text.error().message, source);
    return std::nullopt;
  }
  return NearbyFile{std::move(file), std::move(*text)};
}

}  // namespace

std::optional<std::string_view> ManifestText(Context& ctx, std::string_view source,
                                             bool check_utf8) {
  auto text = python::LoadText(ctx, source);
  if (!text) return std::nullopt;
  if (check_utf8 && !IsValidUtf8(*text)) {
    LineIndex lines(*text);
    for (uint32_t n = 1; n <= lines.LineCount(); ++n) {
      if (!IsValidUtf8(lines.LineText(n))) {
        ctx.Warn(n, "invalid UTF-8", source);
        break;
      }
    }
  }
  return *text;
}

std::vector<NearbyFile> ReadUpwards(Context& ctx, std::string_view name, bool first_only,
                                    std::string_view source) {
  std::vector<NearbyFile> found;
  fs::path dir_abs = ctx.file().abs_path.parent_path();
  std::string dir_rel = Parent(ctx.path());
  while (true) {
    if (auto f = TryRead(ctx, dir_rel, dir_abs, name, source)) {
      found.push_back(std::move(*f));
      if (first_only) break;
    }
    if (dir_rel.empty()) break;
    dir_rel = Parent(dir_rel);
    dir_abs = dir_abs.parent_path();
  }
  return found;
}

std::optional<NearbyFile> ReadSibling(Context& ctx, std::string_view name,
                                      std::string_view source) {
  return TryRead(ctx, Parent(ctx.path()), ctx.file().abs_path.parent_path(), name, source);
}

}  // namespace aisec::catalog
