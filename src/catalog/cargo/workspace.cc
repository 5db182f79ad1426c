#include "catalog/cargo/workspace.h"

#include <filesystem>

#include "core/glob.h"
#include "core/parse.h"

namespace aisec::catalog::cargo {
namespace {

namespace fs = std::filesystem;

// How far above a member Cargo looks is unbounded; we stop at the scanned root.
constexpr int kMaxLevels = 64;

bool ListsMember(const toml::table& workspace, const std::string& member) {
  auto matches = [&](const char* key) {
    const toml::array* globs = workspace[key].as_array();
    if (globs == nullptr) return false;
    for (const auto& g : *globs) {
      auto pattern = g.value<std::string>();
      if (!pattern) continue;
      std::string p = fs::path(*pattern).lexically_normal().generic_string();
      while (p.size() > 1 && p.back() == '/') p.pop_back();
      if (GlobMatch(p, member)) return true;
    }
    return false;
  };
  return matches("members") && !matches("exclude");
}

}  // namespace

std::optional<WorkspaceRoot> FindWorkspaceRoot(Context& ctx) {
  fs::path rel = fs::path(ctx.path()).parent_path();  // the member's folder, from the root
  fs::path abs = ctx.file().abs_path.parent_path();
  fs::path member;  // the member's folder relative to the candidate root
  for (int level = 0; level < kMaxLevels && !rel.empty(); ++level) {
    member = rel.filename() / member;
    rel = rel.parent_path();
    abs = abs.parent_path();
    source::SourceFile file{(rel / "Cargo.toml").generic_string(), abs / "Cargo.toml"};
    std::error_code ec;
    if (!fs::is_regular_file(file.abs_path, ec)) continue;
    auto text = ctx.reader().ReadAll(file);
    if (!text.ok()) return std::nullopt;
    auto doc = ParseToml(*text, file.rel_path);
    if (!doc.ok()) return std::nullopt;
    const toml::table* workspace = (*doc)["workspace"].as_table();
    if (workspace == nullptr) continue;
    std::string m = member.lexically_normal().generic_string();
    while (m.size() > 1 && m.back() == '/') m.pop_back();
    if (!ListsMember(*workspace, m)) return std::nullopt;
    return WorkspaceRoot{std::move(*doc)};
  }
  return std::nullopt;
}

}  // namespace aisec::catalog::cargo
