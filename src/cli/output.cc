#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "cli/command.h"

namespace aisec::cli {

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "aisec: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    return false;
  }
  return true;
}

std::string DefaultFormat(const std::string& format, const std::string& output) {
  if (!format.empty()) return format;
  return output.empty() && StdoutIsTerminal() ? "table" : "json";
}

int Report(const Result<ScanResult>& result, const std::string& format, const std::string& output,
           const GlobalFlags& flags) {
  if (!result.ok()) {
    std::fprintf(stderr, "aisec: %s\n", Status(result.error()).ToString().c_str());
    return result.error().code == ErrorCode::kInternal ? kExitInternal : kExitUsage;
  }
  bool color = format == "table" && output.empty() && StdoutIsTerminal();
  auto text = Render(*result, format, RenderOptions{.color = color});
  if (!text.ok()) {
    std::fprintf(stderr, "aisec: %s\n", text.error().message.c_str());
    return kExitUsage;
  }
  if (!WriteOutput(output, *text)) return kExitInternal;
  if (flags.verbose && !flags.quiet) {
    std::string summary = RenderRunSummary(*result);
    std::fwrite(summary.data(), 1, summary.size(), stderr);
  } else if (!flags.quiet && !result->warnings.empty() && format != "table") {
    std::fprintf(stderr, "aisec: %zu warning(s); see the report\n", result->warnings.size());
  }
  return result->exit_code;
}

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace aisec::cli
