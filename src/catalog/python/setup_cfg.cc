// setup.cfg (setuptools declarative configuration, an INI file read by configparser):
// [metadata] name/version, [options] install_requires and tests_require, and
// [options.extras_require]. Values may start on the key's line and continue on indented lines,
// one requirement per line. "file:" and "attr:" directives point elsewhere and are skipped.
#include <cctype>
#include <string>
#include <vector>

#include "catalog/python/load.h"
#include "catalog/python/pep508.h"
#include "catalog/python/project.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/setup-cfg";
constexpr size_t kMaxEntries = 100000;

struct ValueLine {
  std::string_view text;
  uint32_t line;
};

struct Entry {
  std::string section;
  std::string key;  // lower case, as configparser stores it
  uint32_t line = 0;
  std::vector<ValueLine> values;  // non-empty lines of the value, first line included
};

bool IsComment(std::string_view t) { return t.starts_with('#') || t.starts_with(';'); }

// Reads the INI structure; lines that are none of section, key or continuation are warned about.
std::vector<Entry> ParseIni(Context& ctx, std::string_view text) {
  std::vector<Entry> entries;
  std::string section;
  bool in_value = false;
  uint32_t n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view t = Trim(raw);
    if (t.empty() || IsComment(t)) continue;
    bool indented = raw.front() == ' ' || raw.front() == '\t';
    if (indented && in_value) {
      entries.back().values.push_back({t, n});
      continue;
    }
    in_value = false;
    if (t.front() == '[') {
      if (t.back() != ']') {
        ctx.Warn(n, "malformed section header: " + Snippet(t, 80), kSource);
        section.clear();
        continue;
      }
      section = std::string(Trim(t.substr(1, t.size() - 2)));
      continue;
    }
    size_t sep = t.find_first_of("=:");
    if (sep == std::string_view::npos || sep == 0 || section.empty()) {
      ctx.Warn(n, "not a key = value line: " + Snippet(t, 80), kSource);
      continue;
    }
    if (entries.size() >= kMaxEntries) {
      ctx.Warn(n, "more than " + std::to_string(kMaxEntries) + " entries; the rest is skipped",
               kSource);
      break;
    }
    Entry e{section, ToLower(Trim(t.substr(0, sep))), n, {}};
    if (std::string_view v = Trim(t.substr(sep + 1)); !v.empty()) e.values.push_back({v, n});
    entries.push_back(std::move(e));
    in_value = true;
  }
  return entries;
}

struct Group {
  bool dev = false;
  std::string property, value;  // e.g. aisec:extra=llm
};

void ReadRequirements(Context& ctx, const Entry& e, const Group& g, std::vector<Component>& deps) {
  for (const ValueLine& v : e.values) {
    std::string_view spec = v.text;
    if (auto hash = spec.find(" #"); hash != std::string_view::npos)
      spec = TrimRight(spec.substr(0, hash));
    if (spec.starts_with("file:") || spec.starts_with("attr:")) return;
    auto req = ParseRequirement(spec);
    if (!req) {
      ctx.Warn(v.line, "cannot parse requirement: " + Snippet(spec, 80), kSource);
      continue;
    }
    Component c = MakePypiComponent(
        *req,
        Evidence{Location{ctx.path(), v.line, 0, 0}, Snippet(v.text), EvidenceMethod::kManifest},
        Scope::kDirect);
    c.dev = g.dev;
    if (!g.property.empty()) c.properties[g.property] = g.value;
    deps.push_back(std::move(c));
  }
}

}  // namespace

void SetupCfg(Context& ctx) {
  auto text = LoadText(ctx, kSource);
  if (!text) return;
  ProjectInfo info;
  std::vector<Component> deps;
  for (const Entry& e : ParseIni(ctx, *text)) {
    std::string_view first = e.values.empty() ? std::string_view() : e.values.front().text;
    if (e.section == "metadata" && e.key == "name") {
      info.name = std::string(first);
      info.line = e.line;
    } else if (e.section == "metadata" && e.key == "version") {
      if (!first.empty() && std::isdigit(static_cast<unsigned char>(first.front())))
        info.version = first;
    } else if (e.section == "metadata" && (e.key == "license" || e.key == "license_expression") &&
               !Trim(first).empty()) {
      info.licenses = {Snippet(first, 200)};
    } else if (e.section == "options" && e.key == "install_requires") {
      ReadRequirements(ctx, e, {}, deps);
    } else if (e.section == "options" && e.key == "tests_require") {
      ReadRequirements(ctx, e, {.dev = true, .property = "aisec:group", .value = "tests"}, deps);
    } else if (e.section == "options.extras_require") {
      ReadRequirements(ctx, e, {.property = "aisec:extra", .value = e.key}, deps);
    }
  }
  EmitProject(ctx, info, std::move(deps));
}

}  // namespace aisec::catalog::python
