// The aisec command line: parses arguments and calls libaisec. Nothing else happens here.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "aisec/aisec.h"
#include "cli/command.h"

namespace {

// One row per subcommand.
const aisec::cli::CommandSetup kCommands[] = {
    aisec::cli::SetupScan,
    aisec::cli::SetupModels,
    aisec::cli::SetupDb,
};

}  // namespace

int main(int argc, char** argv) {
  try {
    CLI::App app{"aisec: find the AI in a codebase and how it can be attacked"};
    app.require_subcommand(1);
    app.fallthrough();  // global flags may follow the subcommand
    app.set_version_flag("--version", std::string(aisec::Version()));
    aisec::cli::GlobalFlags flags;
    app.add_flag("-q,--quiet", flags.quiet, "print nothing but the report and errors");
    app.add_flag("-v,--verbose", flags.verbose, "print more about what is going on");
    app.add_option("-j,--jobs", flags.jobs, "worker threads (default: one per core)");
    bool no_cache = false;
    app.add_flag("--no-cache", no_cache, "neither read nor write the compiled-pattern cache");
    std::vector<aisec::cli::Command> commands;
    for (const auto& setup : kCommands) commands.push_back(setup(app, flags));
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int rc = app.exit(e);
      return rc == 0 ? aisec::cli::kExitClean : aisec::cli::kExitUsage;
    }
    // The library reads this before its first pattern compile; set and empty means no cache.
    if (no_cache) ::setenv("AISEC_CACHE_DIR", "", 1);
    for (const auto& cmd : commands) {
      if (cmd.parser->parsed()) return cmd.run();
    }
    return aisec::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aisec: internal error: %s\n", e.what());
    return aisec::cli::kExitInternal;
  } catch (...) {
    std::fprintf(stderr, "aisec: internal error\n");
    return aisec::cli::kExitInternal;
  }
}
