// The requirements.txt cataloger on a realistic, long, pinned file (as pip-compile writes them).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "catalog/registry_decls.h"

namespace {
namespace fs = std::filesystem;

fs::path MakeRequirements(int lines) {
  fs::path dir = fs::temp_directory_path() / ("aisec-req-bench-" + std::to_string(lines));
  fs::create_directories(dir);
  std::ofstream out(dir / "requirements.txt");
  out << "# pinned by the build\n--index-url https://pypi.org/simple\n";
  for (int i = 0; i < lines; ++i) {
    out << "package-" << i << "[extra]==1." << i % 40 << "." << i % 7
        << " ; python_version >= \"3.9\" \\\n"
        << "    --hash=sha256:" << std::string(64, "0123456789abcdef"[i % 16]) << "\n"
        << "    # via service-" << i % 9 << "\n";
  }
  out << "openai==1.55.3\nlangchain>=0.3,<0.4\n";
  return dir;
}

void BM_RequirementsTxt(benchmark::State& state) {
  fs::path dir = MakeRequirements(static_cast<int>(state.range(0)));
  aisec::source::SourceFile file{"requirements.txt", dir / "requirements.txt"};
  aisec::source::FileReader reader;
  size_t components = 0;
  for (auto _ : state) {
    aisec::catalog::Sink sink;
    aisec::catalog::Context ctx(file, reader, sink);
    aisec::catalog::python::RequirementsTxt(ctx);
    components = sink.components.size();
    benchmark::DoNotOptimize(sink.components.data());
  }
  if (components != static_cast<size_t>(state.range(0)) + 2) state.SkipWithError("wrong component count");
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(reader.bytes_read()));
}
BENCHMARK(BM_RequirementsTxt)->Arg(100)->Arg(5000)->Unit(benchmark::kMicrosecond);

}  // namespace
