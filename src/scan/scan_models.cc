// aisec::ScanModels: the model-file checks over files and folders given by the user, without the
// rest of the pipeline (no manifests, no code). Each file is claimed by content.
#include <chrono>

#include "aisec/aisec.h"
#include "assess/model/scan_model.h"
#include "catalog/model/model_component.h"
#include "core/thread_pool.h"
#include "policy/policy.h"
#include "scan/finish.h"
#include "scan/merge.h"
#include "source/walker.h"

namespace aisec {
namespace {

struct Job {
  source::SourceFile file;
  bool explicit_file;  // named on the command line: say so when it is no model
};

// The files to check: each path given, or every file below it.
Status Collect(const std::vector<std::filesystem::path>& paths, const ScanOptions& options,
               std::vector<Job>& jobs, ScanResult& result) {
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Status::NotFound("cannot open " + path.string());
    if (!std::filesystem::is_directory(path, ec)) {
      jobs.push_back(Job{source::SourceFile{path.generic_string(), path}, true});
      continue;
    }
    source::WalkOptions walk{.root = path,
                             .default_excludes = options.default_excludes,
                             .gitignore = options.gitignore,
                             .excludes = options.excludes};
    source::WalkStats stats;
    Status st = source::Walk(
        walk,
        [&](source::SourceFile f) {
          f.rel_path = (path / f.rel_path).lexically_normal().generic_string();
          jobs.push_back(Job{std::move(f), false});
        },
        &stats, &result.warnings);
    if (!st.ok()) return st;
    result.stats.dirs_skipped += stats.skipped;
  }
  return Status::Ok();
}

void AddReport(const Job& job, assess::model::ModelReport& r, ScanResult& result) {
  if (r.format.empty()) {
    if (job.explicit_file) {
      result.warnings.push_back(Warning{Location{r.path}, "not a model file format aisec recognises", "models"});
    }
    for (auto& w : r.warnings) result.warnings.push_back(std::move(w));
    return;
  }
  Component c = catalog::model::ModelComponent(r.path, r.format);
  catalog::model::SetModelDigest(c, r.sha256);
  c.properties["aisec:size"] = std::to_string(r.size);
  for (const auto& [k, v] : r.metadata) c.properties["aisec:model:" + k] = v;
  for (auto& f : r.findings) {
    f.component_ref = c.Key();
    result.findings.push_back(std::move(f));
  }
  result.components.push_back(std::move(c));
  for (auto& w : r.warnings) result.warnings.push_back(std::move(w));
  ++result.stats.files_cataloged;
}

}  // namespace

Result<ScanResult> ScanModels(const std::vector<std::filesystem::path>& paths, const ScanOptions& options) {
  auto started = std::chrono::steady_clock::now();
  if (paths.empty()) return Status::Invalid("no path to check");
  auto policy = policy::LoadPolicy(options.policy_path, options.baseline_path);
  if (!policy.ok()) return policy.error();
  ScanResult result;
  result.tool_version = std::string(Version());
  for (const auto& p : paths) result.root += (result.root.empty() ? "" : " ") + p.string();
  result.started_at = scan::NowRfc3339();
  std::vector<Job> jobs;
  if (Status st = Collect(paths, options, jobs, result); !st.ok()) return st.error();

  source::FileReader reader;
  assess::model::RunFiles run_files;
  for (const auto& job : jobs) run_files.insert(assess::model::NormalRunPath(job.file.rel_path));
  std::vector<assess::model::ModelReport> reports(jobs.size());
  scan::StageClock clock(result.stats);
  {
    ThreadPool pool(options.jobs);
    pool.ParallelFor(jobs.size(), [&](size_t i) {
      reports[i] = assess::model::ScanModelFile(
          jobs[i].file, reader, {.digest_limit = options.model_digest_limit, .run_files = &run_files});
    });
  }
  assess::model::LinkDeferredFiles(reports);
  clock.Lap("model checks");
  for (size_t i = 0; i < jobs.size(); ++i) AddReport(jobs[i], reports[i], result);
  result.components = scan::MergeComponents(std::move(result.components));
  clock.Lap("merge");
  policy::Apply(*policy, result, result.started_at.substr(0, 10));
  clock.Lap("policy");
  scan::SortResult(result);
  result.stats.files_seen = jobs.size();
  result.stats.bytes_read = reader.bytes_read();
  result.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.finished_at = scan::NowRfc3339();
  return result;
}

}  // namespace aisec
