#include "catalog/python/project.h"

#include <filesystem>

#include "core/purl.h"

namespace aisec::catalog::python {

Component MakeProjectComponent(const Context& ctx, const ProjectInfo& info) {
  Component app;
  app.kind = ComponentKind::kApplication;
  app.ecosystem = info.ecosystem;
  if (!info.name.empty()) {
    app.name = NormalizePackageName(info.ecosystem, info.name);
    app.version = info.version;
    if (info.is_package) app.purl = MakePurl(info.ecosystem, app.name, app.version);
  } else {
    // Unnamed: the folder, relative to the root so that two "app" folders stay apart; the root
    // folder itself by its own name.
    std::string dir = std::filesystem::path(ctx.path()).parent_path().generic_string();
    if (dir.empty()) {
      std::error_code ec;
      auto abs = std::filesystem::absolute(ctx.file().abs_path, ec).lexically_normal();
      dir = abs.parent_path().filename().string();
    }
    app.name = dir.empty() ? "project" : dir;
    app.ecosystem.clear();
    app.properties["aisec:named-by"] = "folder";
  }
  app.licenses = info.licenses;
  app.evidence.push_back(
      Evidence{Location{ctx.path(), info.line, 0, 0}, {}, EvidenceMethod::kManifest});
  return app;
}

void EmitProject(Context& ctx, const ProjectInfo& info, std::vector<Component> deps) {
  // A manifest used only for tool settings (setup.cfg [flake8], pyproject.toml [tool.black])
  // describes no project worth a component.
  if (info.name.empty() && deps.empty()) return;
  Component app = MakeProjectComponent(ctx, info);
  std::string from = app.Key();
  ctx.sink().Add(std::move(app));
  for (auto& d : deps) {
    ctx.sink().Relate(from, d.Key());
    ctx.sink().Add(std::move(d));
  }
}

}  // namespace aisec::catalog::python
