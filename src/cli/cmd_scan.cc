// aisec scan PATH: the whole static pipeline.
#include <cstdio>

#include "aisec/aisec.h"
#include "cli/command.h"

namespace aisec::cli {
namespace {

struct ScanFlags {
  std::string path;
  std::string format;
  std::string output;
  std::vector<std::string> excludes;
  bool no_default_excludes = false;
  bool no_gitignore = false;
  std::string db, approved, policy, baseline;
};

int RunScan(const ScanFlags& f, const GlobalFlags& g) {
  std::string format = DefaultFormat(f.format, f.output);
  bool show_progress = !g.quiet && StderrIsTerminal();
  ScanOptions options{.root = f.path,
                      .excludes = f.excludes,
                      .default_excludes = !f.no_default_excludes,
                      .gitignore = !f.no_gitignore,
                      .jobs = g.jobs,
                      .db_path = f.db,
                      .approved_path = f.approved,
                      .policy_path = f.policy,
                      .baseline_path = f.baseline};
  if (show_progress) {
    options.progress = [](const Progress& p) {
      std::fprintf(stderr, "\r\033[Kscanning: %llu files found, %llu done%s",
                   static_cast<unsigned long long>(p.files_found),
                   static_cast<unsigned long long>(p.files_done), p.walk_done ? "\n" : "");
    };
  }
  return Report(Scan(options), format, f.output, g);
}

}  // namespace

Command SetupScan(CLI::App& app, const GlobalFlags& flags) {
  auto f = std::make_shared<ScanFlags>();
  CLI::App* sub = app.add_subcommand("scan", "inventory the AI in a repository and assess its risks");
  sub->add_option("path", f->path, "folder (or file) to scan")->required();
  std::string formats;
  for (const auto& name : ReportFormats()) formats += (formats.empty() ? "" : "|") + name;
  sub->add_option("-f,--format", f->format, formats + " (default: table on a terminal, else json)")
      ->check(CLI::IsMember(ReportFormats()));
  sub->add_option("-o,--output", f->output, "write the report to FILE instead of stdout");
  sub->add_option("--exclude", f->excludes, "skip paths matching GLOB (.gitignore syntax); repeatable");
  sub->add_flag("--no-default-excludes", f->no_default_excludes,
                "also scan .git, node_modules, virtualenvs and build output");
  sub->add_flag("--no-gitignore", f->no_gitignore, "do not honour .gitignore files");
  sub->add_option("--db", f->db, "advisory database (SQLite)");
  sub->add_option("--approved", f->approved, "approved AI list (YAML)");
  sub->add_option("--policy", f->policy, "policy file (YAML)");
  sub->add_option("--baseline", f->baseline, "previous JSON report whose findings are accepted");
  return Command{sub, [f, &flags] { return RunScan(*f, flags); }};
}

}  // namespace aisec::cli
