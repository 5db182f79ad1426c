// Dockerfiles (Dockerfile, Dockerfile.*, *.dockerfile, Containerfile): `pip install` commands in
// RUN instructions (also under ONBUILD), in shell form with escape-character continuations and
// && chains, in exec form (RUN ["pip", "install", "x"]) and in heredocs (RUN <<EOF … EOF).
// The `# escape=` parser directive changes the continuation character.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "catalog/python/load.h"
#include "catalog/python/logical_lines.h"
#include "catalog/python/pip_install.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/dockerfile";

// Parser directives are "# key=value" comments before anything else in the file.
char EscapeCharacter(std::string_view text) {
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (!line.starts_with('#')) break;
    line = Trim(line.substr(1));
    auto eq = line.find('=');
    if (eq == std::string_view::npos) break;
    std::string_view value = Trim(line.substr(eq + 1));
    if (IEquals(Trim(line.substr(0, eq)), "escape") && value.size() == 1) return value.front();
  }
  return '\\';
}

// The words of an instruction: "RUN", optional flags, then the command.
std::string_view Instruction(std::string_view line, std::string_view* rest) {
  line = TrimLeft(line);
  size_t end = line.find_first_of(" \t");
  std::string_view word = line.substr(0, end);
  *rest = end == std::string_view::npos ? std::string_view() : TrimLeft(line.substr(end));
  return word;
}

// "RUN --mount=type=cache,target=/root/.cache [\"pip\", …]" -> the text after the flags.
std::string_view SkipFlags(std::string_view rest) {
  while (rest.starts_with("--")) {
    size_t end = rest.find_first_of(" \t");
    rest = end == std::string_view::npos ? std::string_view() : TrimLeft(rest.substr(end));
  }
  return rest;
}

// The heredoc delimiter of "<<EOF", "<<-EOF", "<<'EOF'" or "<<\"EOF\"", or empty.
std::string HeredocWord(std::string_view command) {
  auto at = command.find("<<");
  if (at == std::string_view::npos) return {};
  std::string_view w = command.substr(at + 2);
  if (w.starts_with('-')) w.remove_prefix(1);
  w = w.substr(0, w.find_first_of(" \t;&|>"));
  if (w.size() >= 2 && (w.front() == '"' || w.front() == '\'') && w.back() == w.front()) {
    w = w.substr(1, w.size() - 2);
  }
  // A shift in inline code ("1<<2") is not a heredoc.
  bool word = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  return word ? std::string(w) : std::string();
}

// Exec form: the JSON array becomes one command line, located at the instruction's line.
void CatalogExecForm(Context& ctx, std::string_view json, uint32_t line) {
  auto args = ParseJson(json, ctx.path());
  if (!args.ok() || !args->is_array()) {
    ctx.Warn(line, "RUN exec form is not a JSON array of strings", kSource);
    return;
  }
  LogicalLine command{.text = {}, .starts = {{0, line}}};
  for (const auto& a : *args) {
    if (!a.is_string()) continue;
    command.text += '\'' + a.get<std::string>() + "' ";
  }
  CatalogPipInstalls(ctx, command, kSource);
}

}  // namespace

void Dockerfile(Context& ctx) {
  auto text = LoadText(ctx, kSource);
  if (!text || !Contains(*text, "pip")) return;
  JoinOptions options{.escape = EscapeCharacter(*text), .skip_comment_lines = true};
  std::string heredoc_end;
  for (const LogicalLine& line : JoinContinuedLines(*text, options)) {
    if (!heredoc_end.empty()) {
      if (Trim(line.text) == heredoc_end)
        heredoc_end.clear();
      else
        CatalogPipInstalls(ctx, line, kSource);
      continue;
    }
    std::string_view rest;
    std::string_view word = Instruction(line.text, &rest);
    if (IEquals(word, "ONBUILD")) word = Instruction(rest, &rest);
    if (!IEquals(word, "RUN")) continue;
    rest = SkipFlags(rest);
    if (rest.starts_with('[')) {
      CatalogExecForm(ctx, rest, line.first_line());
      continue;
    }
    heredoc_end = HeredocWord(rest);
    CatalogPipInstalls(ctx, line, kSource);
  }
}

}  // namespace aisec::catalog::python
