// Pipfile.lock (pipenv, JSON): "default" holds the runtime packages and "develop" the development
// ones, each mapping a name to {"version": "==x", "hashes": ["sha256:…"], "markers", "index",
// "extras"} or to a VCS/path entry ({"git", "ref"}, {"path"}). The lock records no graph, so no
// relations are emitted. Every entry is kTransitive; the merge step keeps the direct scope when
// the Pipfile declares the same pinned package.
#include <nlohmann/json.hpp>

#include "core/json_field.h"
#include "catalog/python/json_lines.h"
#include "catalog/python/load.h"
#include "catalog/python/pep508.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/pipfile-lock";

Component LockedComponent(const std::string& name, const nlohmann::json& entry, Evidence ev) {
  Requirement req{.name = name,
                  .specifier = JsonString(entry, "version"),
                  .url = JsonString(entry, "git"),
                  .marker = JsonString(entry, "markers")};
  if (auto extras = entry.find("extras"); extras != entry.end() && extras->is_array()) {
    for (const auto& e : *extras) {
      if (e.is_string()) req.extras.push_back(e.get<std::string>());
    }
  }
  Component c = MakePypiComponent(req, std::move(ev), Scope::kTransitive);
  if (auto hashes = entry.find("hashes"); hashes != entry.end() && hashes->is_array()) {
    for (const auto& h : *hashes) {
      if (!h.is_string()) continue;
      if (auto hash = ParseHashSpec(h.get<std::string>())) c.hashes.push_back(std::move(*hash));
    }
  }
  if (std::string ref = JsonString(entry, "ref"); !ref.empty())
    c.properties["aisec:git-ref"] = ref;
  if (std::string path = JsonString(entry, "path"); !path.empty())
    c.properties["aisec:path"] = path;
  if (std::string index = JsonString(entry, "index"); !index.empty())
    c.properties["aisec:index"] = index;
  return c;
}

void ReadSection(Context& ctx, std::string_view text, const LineIndex& lines,
                 const nlohmann::json& doc, const char* section, bool dev) {
  auto it = doc.find(section);
  if (it == doc.end()) return;
  // pipenv writes members sorted, as nlohmann iterates them, so one forward pass finds them.
  JsonCursor cursor(text);
  size_t section_at = cursor.FindKey(section, '{');
  uint32_t section_line = section_at == std::string_view::npos ? 0 : lines.Line(section_at);
  if (!it->is_object()) {
    ctx.Warn(section_line, std::string("\"") + section + "\" is not an object", kSource);
    return;
  }
  for (const auto& [name, entry] : it->items()) {
    size_t at = cursor.FindKey(name, '{');
    uint32_t line = at == std::string_view::npos ? section_line : lines.Line(at);
    if (!entry.is_object()) {
      ctx.Warn(line, "entry for '" + name + "' is not an object", kSource);
      continue;
    }
    Evidence ev{Location{ctx.path(), line, 0, 0}, Snippet(name + JsonString(entry, "version")),
                EvidenceMethod::kLockfile};
    Component c = LockedComponent(name, entry, std::move(ev));
    c.dev = dev;
    ctx.sink().Add(std::move(c));
  }
}

}  // namespace

void PipfileLock(Context& ctx) {
  auto doc = LoadJson(ctx, kSource);
  if (!doc) return;
  if (!doc->is_object() || (!doc->contains("default") && !doc->contains("develop"))) {
    ctx.Warn(1, "not a Pipfile.lock: no \"default\" or \"develop\" section", kSource);
    return;
  }
  std::string_view text = *ctx.Text();
  LineIndex lines(text);
  ReadSection(ctx, text, lines, *doc, "default", false);
  ReadSection(ctx, text, lines, *doc, "develop", true);
}

}  // namespace aisec::catalog::python
