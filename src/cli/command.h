#pragma once
// Each subcommand lives in its own file and registers itself through one row in main.cc.
#include <CLI/CLI.hpp>

#include <functional>

namespace aisec::cli {

// Documented exit codes (README.md, docs/cli.md).
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

struct GlobalFlags {
  bool quiet = false;
  bool verbose = false;
  unsigned jobs = 0;
};

// A subcommand: its parser and what runs when it was chosen (returns the exit code).
struct Command {
  CLI::App* parser;
  std::function<int()> run;
};
using CommandSetup = Command (*)(CLI::App& app, const GlobalFlags& flags);

Command SetupScan(CLI::App& app, const GlobalFlags& flags);
Command SetupModels(CLI::App& app, const GlobalFlags& flags);
Command SetupDb(CLI::App& app, const GlobalFlags& flags);

// Writes `text` to `path`, or to stdout when path is empty or "-". Returns false after printing
// an error.
bool WriteOutput(const std::string& path, const std::string& text);
bool StdoutIsTerminal();
bool StderrIsTerminal();

}  // namespace aisec::cli
