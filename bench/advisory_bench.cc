// Advisory database benchmarks (issue 5):
//  - importing every OSV record in ../shared/data/osv into a fresh database;
//  - matching 10,000 components against a database of 50,000 generated advisories, through the
//    real vulnerability assessor (lookup, range evaluation, findings), warm.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>

#include "assess/osv/advisory_db.h"
#include "assess/osv/importer.h"
#include "assess/registry_decls.h"
#include "source/file_reader.h"

namespace fs = std::filesystem;
using namespace aisec;

namespace {

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "aisec-advisory-bench";
  fs::create_directories(dir);
  return dir / name;
}

void BM_ImportSharedOsv(benchmark::State& state) {
  fs::path osv = fs::path(AISEC_SOURCE_DIR).parent_path() / "shared" / "data" / "osv";
  if (!fs::exists(osv)) {
    state.SkipWithError("../shared/data/osv not found");
    return;
  }
  uint64_t records = 0;
  for (auto _ : state) {
    fs::path db_path = Scratch("import.db");
    fs::remove(db_path);
    auto db = assess::osv::AdvisoryDb::Open(db_path.string(), true);
    auto r = assess::osv::ImportPaths(**db, {osv.string()});
    if (!r.ok()) state.SkipWithError(r.error().message.c_str());
    records = r->counts.added;
  }
  state.counters["records"] = static_cast<double>(records);
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ImportSharedOsv)->Unit(benchmark::kMillisecond)->Iterations(3);

constexpr int kAdvisories = 50'000;
constexpr int kPackages = 25'000;
constexpr int kComponents = 10'000;

// 50,000 advisories over 25,000 PyPI packages: each has a range with a fixed version and a short
// versions list, like real PYSEC records.
std::string GeneratedDb() {
  fs::path db_path = Scratch("generated.db");
  if (fs::exists(db_path)) return db_path.string();
  fs::path json = Scratch("generated.json");
  {
    std::ofstream out(json);
    out << "[\n";
    for (int i = 0; i < kAdvisories; ++i) {
      int pkg = i % kPackages, minor = i / kPackages;
      out << fmt::format(
          R"({}{{"id":"BENCH-{}","modified":"2024-01-01T00:00:00Z","summary":"generated {}",)"
          R"("severity":[{{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}],)"
          R"("affected":[{{"package":{{"ecosystem":"PyPI","name":"bench-pkg-{}"}},)"
          R"("ranges":[{{"type":"ECOSYSTEM","events":[{{"introduced":"{}.0"}},{{"fixed":"{}.5.1"}}]}}],)"
          R"("versions":["{}.0","{}.1","{}.2"]}}]}})",
          i ? ",\n" : "", i, i, pkg, minor + 1, minor + 1, minor + 1, minor + 1, minor + 1);
    }
    out << "\n]\n";
  }
  auto db = assess::osv::AdvisoryDb::Open(db_path.string(), true);
  auto r = assess::osv::ImportPaths(**db, {json.string()});
  fs::remove(json);
  return r.ok() ? db_path.string() : std::string();
}

void BM_Match10kComponents(benchmark::State& state) {
  std::string db = GeneratedDb();
  if (db.empty()) {
    state.SkipWithError("could not generate the database");
    return;
  }
  // Half the components name a package with advisories, one in five of those at an affected
  // version; the rest have no advisories at all.
  std::vector<Component> components;
  std::mt19937 rng(42);
  for (int i = 0; i < kComponents; ++i) {
    Component c;
    c.ecosystem = "pypi";
    c.name = i % 2 ? fmt::format("unrelated-{}", i) : fmt::format("bench-pkg-{}", rng() % kPackages);
    c.version = i % 10 == 0 ? "1.2" : "9.0";
    components.push_back(std::move(c));
  }
  ScanOptions options{.db_path = db};
  source::FileReader reader;
  size_t findings = 0;
  for (auto _ : state) {
    ScanResult result;
    result.components = components;
    assess::Context ctx{result, options, reader};
    if (Status s = assess::AssessVulnerabilities(ctx); !s.ok()) state.SkipWithError(s.message().c_str());
    findings = result.findings.size();
  }
  state.counters["components"] = kComponents;
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_Match10kComponents)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
