// The tree walk alone: how fast the source stage lists a tree (no cataloging).
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "source/walker.h"

namespace {
namespace fs = std::filesystem;

// A tree of `files` small files in nested folders, made once per size and left in /tmp.
fs::path MakeTree(int files) {
  fs::path root = fs::temp_directory_path() / ("aisec-walk-bench-" + std::to_string(files));
  if (fs::exists(root / "done")) return root;
  fs::remove_all(root);
  for (int i = 0; i < files; ++i) {
    fs::path dir = root / ("team" + std::to_string(i % 16)) / ("svc" + std::to_string(i % 97)) /
                   ("pkg" + std::to_string(i % 13));
    fs::create_directories(dir);
    std::ofstream(dir / ("file" + std::to_string(i) + (i % 50 == 0 ? ".txt" : ".py"))) << "x = 1\n";
  }
  std::ofstream(root / "done") << "";
  return root;
}

void BM_Walk(benchmark::State& state) {
  fs::path root = MakeTree(static_cast<int>(state.range(0)));
  aisec::source::WalkOptions opts{.root = root};
  for (auto _ : state) {
    uint64_t n = 0;
    aisec::source::WalkStats stats;
    std::vector<aisec::Warning> warnings;
    auto s = aisec::source::Walk(opts, [&](aisec::source::SourceFile f) { n += f.rel_path.size() > 0; },
                                 &stats, &warnings);
    if (!s.ok()) state.SkipWithError("walk failed");
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Walk)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
