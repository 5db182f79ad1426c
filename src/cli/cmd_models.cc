// aisec models PATH…: the model-file security report.
#include <cstdio>

#include "aisec/aisec.h"
#include "cli/command.h"

namespace aisec::cli {
namespace {

struct ModelsFlags {
  std::vector<std::string> paths;
  std::string format;
  std::string output;
  std::vector<std::string> excludes;
  bool no_default_excludes = false;
  uint64_t digest_limit = 4ull << 30;
};

int RunModels(const ModelsFlags& f, const GlobalFlags& g) {
  std::string format = DefaultFormat(f.format, f.output);
  std::vector<std::filesystem::path> paths(f.paths.begin(), f.paths.end());
  ScanOptions options{.excludes = f.excludes,
                      .default_excludes = !f.no_default_excludes,
                      .jobs = g.jobs,
                      .model_digest_limit = f.digest_limit};
  return Report(ScanModels(paths, options), format, f.output, g);
}

}  // namespace

Command SetupModels(CLI::App& app, const GlobalFlags& flags) {
  auto f = std::make_shared<ModelsFlags>();
  CLI::App* sub = app.add_subcommand(
      "models", "check model files for code execution and tampering, without loading them");
  sub->add_option("path", f->paths, "model files or folders to check")->required();
  std::string formats;
  for (const auto& name : ReportFormats()) formats += (formats.empty() ? "" : "|") + name;
  sub->add_option("-f,--format", f->format, formats + " (default: table on a terminal, else json)")
      ->check(CLI::IsMember(ReportFormats()));
  sub->add_option("-o,--output", f->output, "write the report to FILE instead of stdout");
  sub->add_option("--exclude", f->excludes, "skip paths matching GLOB in folders; repeatable");
  sub->add_flag("--no-default-excludes", f->no_default_excludes,
                "also look into .git, node_modules, virtualenvs and build output");
  sub->add_option("--digest-limit", f->digest_limit,
                  "compute SHA-256 digests only for files up to this many bytes (default 4 GiB)");
  return Command{sub, [f, &flags] { return RunModels(*f, flags); }};
}

}  // namespace aisec::cli
