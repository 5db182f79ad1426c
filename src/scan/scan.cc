// aisec::Scan puts the stages in order; it holds no format or detector knowledge of its own.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>

#include "aisec/aisec.h"
#include "assess/assessor.h"
#include "catalog/ai_catalog.h"
#include "catalog/cataloger.h"
#include "core/glob.h"
#include "core/pattern_cache.h"
#include "core/thread_pool.h"
#include "policy/policy.h"
#include "scan/finish.h"
#include "scan/merge.h"
#include "source/walker.h"

namespace aisec {
namespace {

bool ClaimsByName(const catalog::Cataloger& c, const source::SourceFile& file) {
  std::string_view base = file.Basename();
  for (auto glob : c.globs) {
    if (GlobMatch(glob, base)) return true;
  }
  return c.claims_path != nullptr && c.claims_path(file.rel_path);
}

// Catalogs files in batches on the pool and gathers what the sinks collected.
class Inventory {
 public:
  Inventory(ThreadPool& pool, source::FileReader& reader) : pool_(pool), reader_(reader) {
    for (const auto& c : catalog::Registry()) {
      if (c.claims_content) any_content_claims_ = true;
    }
  }

  void Offer(source::SourceFile file) {
    batch_.push_back(std::move(file));
    if (batch_.size() >= kBatch) Flush();
  }

  void Flush() {
    if (batch_.empty()) return;
    pool_.Submit([this, files = std::move(batch_)] { Process(files); });
    batch_.clear();
  }

  uint64_t done() const { return done_.load(std::memory_order_relaxed); }
  uint64_t cataloged() const { return cataloged_.load(std::memory_order_relaxed); }
  catalog::Sink& merged() { return merged_; }

 private:
  static constexpr size_t kBatch = 64;

  void Process(const std::vector<source::SourceFile>& files) {
    catalog::Sink sink;
    for (const auto& file : files) {
      catalog::Context ctx(file, reader_, sink);
      std::string head;
      bool head_read = false;
      bool claimed = false;
      for (const auto& c : catalog::Registry()) {
        bool claims = ClaimsByName(c, file);
        if (!claims && c.claims_content) {
          if (!head_read) {
            auto h = reader_.ReadRange(file, 0, catalog::kHeadBytes);
            if (h.ok()) head = std::move(*h);
            head_read = true;
          }
          claims = !head.empty() && c.claims_content(head);
        }
        if (!claims) continue;
        claimed = true;
        c.run(ctx);
      }
      if (claimed) cataloged_.fetch_add(1, std::memory_order_relaxed);
      done_.fetch_add(1, std::memory_order_relaxed);
    }
    std::lock_guard lock(mu_);
    auto move_into = [](auto& from, auto& to) {
      to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    };
    move_into(sink.components, merged_.components);
    move_into(sink.relations, merged_.relations);
    move_into(sink.warnings, merged_.warnings);
    move_into(sink.findings, merged_.findings);
  }

  ThreadPool& pool_;
  source::FileReader& reader_;
  bool any_content_claims_ = false;
  std::vector<source::SourceFile> batch_;
  std::mutex mu_;
  catalog::Sink merged_;
  std::atomic<uint64_t> done_{0};
  std::atomic<uint64_t> cataloged_{0};
};

}  // namespace

std::string_view Version() { return AISEC_VERSION_STRING; }

Result<ScanResult> Scan(const ScanOptions& options) {
  auto started = std::chrono::steady_clock::now();
  ScanResult result;
  result.tool_version = std::string(Version());
  result.root = options.root.string();
  result.started_at = scan::NowRfc3339();

  auto policy = policy::LoadPolicy(options.policy_path, options.baseline_path);
  if (!policy.ok()) return policy.error();

  source::FileReader reader;
  source::WalkStats walk_stats;
  scan::StageClock clock(result.stats);
  {
    ThreadPool pool(options.jobs);
    Inventory inventory(pool, reader);
    source::WalkOptions walk{.root = options.root,
                             .default_excludes = options.default_excludes,
                             .gitignore = options.gitignore,
                             .excludes = options.excludes};
    uint64_t offered = 0;
    Status walked = source::Walk(
        walk,
        [&](source::SourceFile f) {
          inventory.Offer(std::move(f));
          if (options.progress && (++offered % 1024) == 0) {
            options.progress(Progress{offered, inventory.done(), false});
          }
        },
        &walk_stats, &result.warnings);
    if (!walked.ok()) return walked.error();
    inventory.Flush();
    pool.Wait();
    if (options.progress) options.progress(Progress{offered, inventory.done(), true});
    clock.Lap("walk and catalog");

    catalog::Sink& all = inventory.merged();
    for (auto& c : all.components) catalog::AiCatalog::Default().Classify(c);
    scan::ResolveDeclarationsWithLocks(all.components, all.relations);
    result.components = scan::MergeComponents(std::move(all.components));
    scan::FoldUsageIntoDeclarations(result.components, all.relations);
    scan::LinkToolClasses(result.components, all.relations);
    result.relations = scan::CleanRelations(std::move(all.relations), result.components);
    result.warnings.insert(result.warnings.end(), all.warnings.begin(), all.warnings.end());
    result.findings = std::move(all.findings);
    result.stats.files_cataloged = inventory.cataloged();
    clock.Lap("merge");
  }

  assess::Context actx{result, options, reader};
  for (const auto& a : assess::Registry()) {
    Status s = a.run(actx);
    if (!s.ok()) return s.error();
    clock.Lap(std::string(a.name));
  }
  policy::Apply(*policy, result, result.started_at.substr(0, 10));
  clock.Lap("policy");

  scan::SortResult(result);
  result.stats.files_seen = walk_stats.files;
  result.stats.dirs_skipped = walk_stats.skipped;
  result.stats.bytes_read = reader.bytes_read();
  PatternCacheCounters patterns = PatternCacheCountersNow();
  result.stats.pattern_sets_cached = patterns.loaded;
  result.stats.pattern_sets_compiled = patterns.compiled;
  result.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.finished_at = scan::NowRfc3339();
  return result;
}

}  // namespace aisec
