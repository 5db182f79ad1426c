// AI use in Jupyter notebooks: the code cells are read as Python (or the kernel's language) and
// each finding is located at the notebook line that holds it. Agents, tools and system prompts
// in the cells are found by the agent detection (agents.h) on the same joined code.
#include <nlohmann/json.hpp>

#include "catalog/code/agents.h"
#include "catalog/code/detector.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

struct Cells {
  std::string code;                 // code cells joined, one '\n' between cells
  std::vector<size_t> line_starts;  // offsets in `code` where each source line starts
  std::vector<uint32_t> file_lines; // notebook line of each source line (0 when unknown)
};

// nbformat writes each source line as one JSON string, usually one per notebook line; find
// them in order to map code lines back to the file.
Cells Collect(const nlohmann::json& nb, std::string_view raw) {
  Cells out;
  LineIndex index(raw);
  size_t cursor = 0;
  auto cells = nb.find("cells");
  if (cells == nb.end() || !cells->is_array()) return out;
  for (const auto& cell : *cells) {
    // value() throws when the member has another type (found by fuzz/code_notebook).
    if (!cell.is_object()) continue;
    auto type = cell.find("cell_type");
    if (type == cell.end() || !type->is_string() || *type != "code") continue;
    std::vector<std::string> lines;
    // find(), not operator[]: on a const json a missing key is undefined behaviour (an
    // out-of-bounds read, found by fuzz/code_notebook).
    auto it = cell.find("source");
    if (it == cell.end()) continue;
    const auto& src = *it;
    if (src.is_string()) {
      for (auto l : SplitLines(src.get<std::string>())) lines.emplace_back(l);
    } else if (src.is_array()) {
      for (const auto& l : src) {
        if (l.is_string()) lines.push_back(std::string(TrimRight(l.get<std::string>())));
      }
    }
    for (const auto& l : lines) {
      out.line_starts.push_back(out.code.size());
      uint32_t file_line = 0;
      std::string needle = nlohmann::json(l).dump();
      needle = needle.substr(0, std::min<size_t>(needle.size() - 1, 60));  // without closing quote
      if (needle.size() > 2) {
        size_t pos = raw.find(needle, cursor);
        if (pos != std::string_view::npos) {
          file_line = index.Line(pos);
          cursor = pos + 1;
        }
      }
      out.file_lines.push_back(file_line);
      out.code += l;
      out.code += '\n';
    }
    out.code += '\n';
  }
  return out;
}

}  // namespace

void NotebookCode(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, "notebook");
    return;
  }
  auto nb = ParseJson(*text, ctx.path());
  if (!nb.ok()) {
    ctx.sink().Warn(nb.error().location, nb.error().message, "notebook");
    return;
  }
  if (!nb->is_object()) {
    ctx.Warn(1, "not a Jupyter notebook (top level is not an object)", "notebook");
    return;
  }
  const Knowledge& k = Knowledge::Get();
  std::string language = "python";
  if (auto meta = nb->find("metadata"); meta != nb->end() && meta->is_object()) {
    if (auto li = meta->find("language_info"); li != meta->end() && li->is_object()) {
      if (auto name = li->find("name"); name != li->end() && name->is_string()) language = *name;
    }
  }
  const Language* lang = k.LanguageFor(language == "python" ? "x.py" : "x." + language);
  if (!lang) lang = k.LanguageFor("x.py");
  const RuleSet* rules = k.ForFamily(lang->family);
  if (!rules) return;
  Cells cells = Collect(*nb, *text);
  std::string path = ctx.path();
  auto locate = [&](size_t offset) {
    auto it = std::upper_bound(cells.line_starts.begin(), cells.line_starts.end(), offset);
    size_t idx = it == cells.line_starts.begin() ? 0 : static_cast<size_t>(it - cells.line_starts.begin()) - 1;
    if (idx >= cells.file_lines.size()) return Location{path};
    return Location{path, cells.file_lines[idx], 0, 0};
  };
  Detect(DetectInput{.text = cells.code, .family = rules, .shared = k.Shared(), .syntax = &lang->syntax, .path = path, .locate = locate},
         ctx.sink());
  DetectAgents(cells.code, *lang, path, ctx.sink(), locate);
}

}  // namespace aisec::catalog::code
