// Jupyter notebooks (*.ipynb, JSON, nbformat 4 and the older 3 with worksheets): `pip install`
// lines in code cells — shell escapes (!pip), magics (%pip), and python -m pip. Outputs and
// markdown cells are not read.
//
// Location: the evidence line is the line of the notebook file (the JSON text) that holds the
// source line with the command, so an editor opens at it; property aisec:cell is the 1-based
// position of the cell in the notebook. The JSON parser keeps no positions, so each cell's
// source strings are found again in the text, moving forward through the file (see
// json_lines.h). Where the text cannot be matched (escaped keys, hand-written notebooks), the
// line is 0 (unknown) from there on, and the packages are still reported.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "catalog/python/json_lines.h"
#include "catalog/python/logical_lines.h"
#include "catalog/python/pip_install.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/notebook";

struct Cell {
  std::string text;
  std::vector<uint32_t> file_lines;  // file line of each line of `text`, in order
};

// Collects the cell's source and, for each of its lines, the notebook line it is written on.
class CellLocator {
 public:
  explicit CellLocator(std::string_view text) : cursor_(text), lines_(text) {}

  Cell Read(const nlohmann::json& cell, const char* key) {
    Cell out;
    auto src = cell.find(key);
    if (src == cell.end()) return out;
    std::vector<std::string> parts;
    if (src->is_string()) {
      parts.push_back(src->get<std::string>());
    } else if (src->is_array()) {
      for (const auto& part : *src) {
        if (part.is_string()) parts.push_back(part.get<std::string>());
      }
    }
    // The key found must be this cell's: its strings follow it, separated only by a comma and
    // indentation. When one is missing, the whole cell's lines are unknown (0), not guessed.
    size_t at = cursor_.FindKey(key);
    std::vector<uint32_t> part_lines;
    for (const std::string& part : parts) {
      size_t found = cursor_.FindString(part, kMaxGap);
      if (found == std::string_view::npos) break;
      part_lines.push_back(lines_.Line(found));
    }
    if (cursor_.lost()) part_lines.assign(parts.size(), 0);
    for (size_t i = 0; i < parts.size(); ++i) {
      out.text += parts[i];
      size_t newlines = std::count(parts[i].begin(), parts[i].end(), '\n');
      out.file_lines.insert(out.file_lines.end(), newlines, part_lines[i]);
    }
    // The last line has no terminator.
    out.file_lines.push_back(part_lines.empty()
                                 ? (at == std::string_view::npos ? 0 : lines_.Line(at))
                                 : part_lines.back());
    return out;
  }

 private:
  static constexpr size_t kMaxGap = 256;
  JsonCursor cursor_;
  LineIndex lines_;
};

void CatalogCell(Context& ctx, const Cell& cell, size_t position) {
  for (LogicalLine& line : JoinContinuedLines(cell.text)) {
    for (auto& [offset, n] : line.starts)
      n = n - 1 < cell.file_lines.size() ? cell.file_lines[n - 1] : 0;
    CatalogPipInstalls(ctx, line, kSource, {{"aisec:cell", std::to_string(position)}});
  }
}

// nbformat 3 kept a code cell's text under "input" and other cells' under "source".
void ReadCells(Context& ctx, CellLocator& locator, const nlohmann::json& cells, bool v3,
               size_t& position) {
  if (!cells.is_array()) return;
  for (const auto& cell : cells) {
    ++position;
    if (!cell.is_object()) continue;
    auto type = cell.find("cell_type");
    bool code = type != cell.end() && *type == "code";
    Cell c = locator.Read(cell, code && v3 ? "input" : "source");
    if (code) CatalogCell(ctx, c, position);
  }
}

}  // namespace

void JupyterNotebook(Context& ctx) {
  // code/notebook reads every notebook and reports the unreadable and malformed ones; repeating
  // its warning here would report one broken file twice. Most notebooks install nothing: those
  // are not parsed at all.
  auto text = ctx.Text();
  if (!text.ok() || !Contains(*text, "pip")) return;
  auto doc = ParseJson(*text, ctx.path());
  if (!doc.ok() || !doc->is_object()) return;
  CellLocator locator(*ctx.Text());
  size_t position = 0;
  if (auto cells = doc->find("cells"); cells != doc->end()) {
    ReadCells(ctx, locator, *cells, false, position);
  } else if (auto sheets = doc->find("worksheets"); sheets != doc->end() && sheets->is_array()) {
    for (const auto& sheet : *sheets) {
      if (auto cells = sheet.find("cells"); sheet.is_object() && cells != sheet.end()) {
        ReadCells(ctx, locator, *cells, true, position);
      }
    }
  }
}

}  // namespace aisec::catalog::python
