#pragma once
// Each subcommand lives in its own file and registers itself through one row in main.cc.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "aisec/aisec.h"

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
// The format when none is asked for: a table on a terminal, JSON into files and pipes.
std::string DefaultFormat(const std::string& format, const std::string& output);
// Prints why a run failed (exit 2, or 3 for internal errors), or renders its result as `format`
// into `output` and returns the result's exit code.
int Report(const Result<ScanResult>& result, const std::string& format, const std::string& output,
           const GlobalFlags& flags);
bool StderrIsTerminal();

}  // namespace aisec::cli
