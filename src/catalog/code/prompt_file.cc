// Prompt files: a file that holds one prompt (`*.prompt`, `*.prompty`, `*.prompt.md`,
// `system_prompt.txt`, any .md/.txt in a `prompts/` folder; the list is prompt_files in
// data/code/agents.yaml). Front matter (`---` … `---`, as in .prompty and .prompt.md files) is
// configuration, not prompt text, and is left out of the hash and the preview.
#include "catalog/code/agent_knowledge.h"
#include "catalog/code/prompt.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

constexpr std::string_view kSource = "prompt-file";

// The text after a leading front-matter block, and the line it starts on.
std::pair<std::string_view, uint32_t> Body(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text.starts_with("---")) return {text, 1};
  size_t first_nl = text.find('\n');
  if (first_nl == std::string_view::npos || Trim(text.substr(0, first_nl)) != "---")
    return {text, 1};
  uint32_t line = 2;
  for (size_t at = first_nl + 1; at < text.size(); ++line) {
    size_t nl = text.find('\n', at);
    std::string_view l =
        text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (Trim(l) == "---") {
      if (nl == std::string_view::npos) return {std::string_view(), line};
      return {text.substr(nl + 1), line + 1};
    }
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return {text, 1};  // unterminated: not front matter
}

}  // namespace

bool ClaimsPromptFile(std::string_view rel_path) {
  return AgentKnowledge::Get().IsPromptFile(rel_path);
}

void PromptFile(Context& ctx) {
  const auto& k = AgentKnowledge::Get();
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, kSource);
    return;
  }
  if (text->size() > k.prompt_file_max_bytes()) {
    ctx.Warn(
        0,
        "prompt file larger than " + std::to_string(k.prompt_file_max_bytes()) + " bytes: not read",
        kSource);
    return;
  }
  if (!IsValidUtf8(*text)) {
    ctx.Warn(0, "prompt file is not UTF-8 text: not read", kSource);
    return;
  }
  auto [body, line] = Body(*text);
  // Leading blank lines do not move the location off the prompt.
  while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) {
    if (body.front() == '\n') ++line;
    body.remove_prefix(1);
  }
  if (Trim(body).empty()) return;
  ReportPrompt(Trim(body), PromptOrigin{Location{ctx.path(), line, 1, 0}, "file", ""}, ctx.sink());
}

}  // namespace aisec::catalog::code
