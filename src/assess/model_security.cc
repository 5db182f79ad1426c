// The model-security assessor: runs the model-file checks (src/assess/model/) on every model
// file the inventory found, and adds their findings to the scan.
#include <filesystem>
#include <set>

#include "assess/assessor.h"
#include "assess/model/scan_model.h"
#include "catalog/model/model_component.h"
#include "core/thread_pool.h"

namespace aisec::assess {
namespace {

struct Target {
  std::string path;
  size_t component;
  std::string sha256;
};

std::vector<Target> ModelFiles(const ScanResult& result) {
  std::vector<Target> out;
  std::set<std::string> seen;
  for (size_t i = 0; i < result.components.size(); ++i) {
    const Component& c = result.components[i];
    if (c.kind != ComponentKind::kModel || !c.properties.count("aisec:format")) continue;
    std::string sha;
    for (const auto& h : c.hashes) {
      if (h.algorithm == "SHA-256") sha = h.value;
    }
    for (const auto& e : c.evidence) {
      if (!e.location.path.empty() && seen.insert(e.location.path).second) {
        out.push_back(Target{e.location.path, i, sha});
      }
    }
  }
  return out;
}

}  // namespace

Status ModelSecurity(Context& ctx) {
  std::vector<Target> targets = ModelFiles(ctx.result);
  if (targets.empty()) return Status::Ok();
  std::error_code ec;
  bool root_is_dir = std::filesystem::is_directory(ctx.options.root, ec);
  model::RunFiles run_files;
  for (const auto& t : targets) run_files.insert(model::NormalRunPath(t.path));
  std::vector<model::ModelReport> reports(targets.size());
  ThreadPool pool(ctx.options.jobs);
  pool.ParallelFor(targets.size(), [&](size_t i) {
    const Target& t = targets[i];
    source::SourceFile file{t.path, root_is_dir ? ctx.options.root / t.path : ctx.options.root};
    reports[i] = model::ScanModelFile(file, ctx.reader,
                                      {.digest_limit = ctx.options.model_digest_limit,
                                       .known_sha256 = t.sha256,
                                       .run_files = &run_files});
  });
  model::LinkDeferredFiles(reports);
  for (size_t i = 0; i < targets.size(); ++i) {
    auto& r = reports[i];
    Component& c = ctx.result.components[targets[i].component];
    catalog::model::SetModelDigest(c, r.sha256);
    // Checks name the file; the inventory knows which component it is.
    for (auto& f : r.findings) {
      f.component_ref = c.Key();
      ctx.result.findings.push_back(std::move(f));
    }
    for (auto& w : r.warnings) ctx.result.warnings.push_back(std::move(w));
  }
  return Status::Ok();
}

}  // namespace aisec::assess
