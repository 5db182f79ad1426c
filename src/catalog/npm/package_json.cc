// package.json: the project (an application component) and its dependencies, direct, with the
// spec as written: a range stays a version_spec, aliases and non-registry sources become
// properties, devDependencies are dev and peerDependencies carry aisec:peer.
#include "core/json_field.h"
#include "catalog/npm/package_json.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "catalog/npm/json_lines.h"
#include "catalog/npm/npm_spec.h"
#include "catalog/python/project.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

constexpr std::string_view kSource = "npm/package-json";
constexpr size_t kMaxDeps = 100000;

struct Group {
  std::string_view key;
  DepGroup group;
};
constexpr Group kGroups[] = {{"dependencies", DepGroup::kProd},
                             {"devDependencies", DepGroup::kDev},
                             {"optionalDependencies", DepGroup::kOptional},
                             {"peerDependencies", DepGroup::kPeer}};

void ReadGroup(const nlohmann::json& doc, const Group& g, const JsonLines& lines,
               const std::string& path, PackageManifest& out) {
  auto it = doc.find(g.key);
  if (it == doc.end()) return;
  uint32_t group_line = lines.Line({g.key});
  if (!it->is_object()) {
    out.problems.push_back(Error{ErrorCode::kParse, std::string(g.key) + " is not an object",
                                 Location{path, group_line}});
    return;
  }
  for (const auto& [key, value] : it->items()) {
    const JsonLines::Place* place = lines.Find({g.key, key});
    uint32_t line = place ? place->line : group_line;
    if (!value.is_string()) {
      out.problems.push_back(Error{ErrorCode::kParse, "dependency " + key + " is not a string",
                                   Location{path, line}});
      continue;
    }
    if (out.deps.size() >= kMaxDeps) {
      out.problems.push_back(Error{ErrorCode::kLimit, "too many dependencies", Location{path, line}});
      return;
    }
    std::string snippet = place ? lines.EvidenceSnippet(*place) : key;
    out.deps.push_back(DeclaredDep{key, value.get<std::string>(), g.group, line, std::move(snippet)});
  }
}

std::string_view GroupProperty(DepGroup g) {
  switch (g) {
    case DepGroup::kOptional: return "aisec:optional";
    case DepGroup::kPeer: return "aisec:peer";
    default: return {};
  }
}

// "license": "MIT" (an SPDX expression, or "SEE LICENSE IN <file>" / "UNLICENSED"); the legacy
// forms are an object {"type": "MIT", "url": ...} and a "licenses" array of such objects.
std::vector<std::string> ReadLicenses(const nlohmann::json& doc) {
  constexpr size_t kMaxLicenses = 16;
  std::vector<std::string> out;
  auto add = [&](const nlohmann::json& v) {
    const nlohmann::json* text = &v;
    if (v.is_object()) {
      auto it = v.find("type");
      if (it == v.end()) return;
      text = &*it;
    }
    if (!text->is_string() || out.size() >= kMaxLicenses) return;
    std::string s(Trim(text->get<std::string>()));
    if (s.starts_with("SEE LICENSE IN")) s = "LicenseRef-see-license-file";
    if (!s.empty()) out.push_back(Snippet(s, 200));
  };
  if (auto it = doc.find("license"); it != doc.end()) add(*it);
  if (auto it = doc.find("licenses"); out.empty() && it != doc.end() && it->is_array()) {
    for (const auto& l : *it) add(l);
  }
  return out;
}

// node_modules/<name>/package.json or node_modules/@scope/<name>/package.json: an installed
// package, not a project.
bool IsInstalledPackage(std::string_view path) {
  auto parts = Split(path, '/');
  if (parts.size() < 3 || parts.back() != "package.json") return false;
  size_t n = parts.size();
  if (parts[n - 3] == "node_modules") return true;
  return n >= 4 && parts[n - 4] == "node_modules" && parts[n - 3].starts_with("@");
}

}  // namespace

Result<PackageManifest> ParsePackageJson(std::string_view text, const std::string& path) {
  auto doc = ParseJson(text, path);
  if (!doc.ok()) return doc.error();
  if (!doc->is_object()) {
    return Error{ErrorCode::kParse, "package.json is not a JSON object", Location{path, 1}};
  }
  JsonLines lines(text, 2, 2);
  PackageManifest out;
  out.name = JsonString(*doc, "name");
  out.version = JsonString(*doc, "version");
  out.line = lines.Line({"name"});
  out.licenses = ReadLicenses(*doc);
  for (const auto& g : kGroups) ReadGroup(*doc, g, lines, path, out);
  return out;
}

std::optional<PackageManifest> SiblingManifest(Context& ctx) {
  std::filesystem::path rel = std::filesystem::path(ctx.path()).parent_path() / "package.json";
  source::SourceFile file{rel.generic_string(), ctx.file().abs_path.parent_path() / "package.json"};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file.abs_path, ec)) return std::nullopt;
  auto text = ctx.reader().ReadAll(file);
  if (!text.ok()) return std::nullopt;
  auto manifest = ParsePackageJson(*text, file.rel_path);
  if (!manifest.ok()) return std::nullopt;
  return std::move(manifest.value());
}

Component MakeProject(const Context& ctx, const std::string& name, const std::string& version,
                      Evidence evidence, const std::string& folder) {
  Component c;
  if (name.empty() && !folder.empty()) {
    c.kind = ComponentKind::kApplication;
    c.name = (std::filesystem::path(ctx.path()).parent_path() / folder).lexically_normal().generic_string();
    c.properties["aisec:named-by"] = "folder";
  } else {
    c = python::MakeProjectComponent(ctx, python::ProjectInfo{.name = name,
                                                              .version = version,
                                                              .line = evidence.location.line,
                                                              .ecosystem = std::string(kEcosystem)});
  }
  c.evidence = {std::move(evidence)};
  return c;
}

void PackageJson(Context& ctx) {
  auto text = python::LoadText(ctx, kSource);
  if (!text) return;
  auto manifest = ParsePackageJson(*text, ctx.path());
  if (!manifest.ok()) {
    ctx.sink().Warn(manifest.error().location, manifest.error().message, kSource);
    return;
  }
  for (const auto& p : manifest->problems) ctx.sink().Warn(p.location, p.message, kSource);
  const std::string& name = manifest->name;
  if (IsInstalledPackage(ctx.path()) && !name.empty()) {
    // What is installed: the package itself, with the licence it ships under. Its own
    // dependencies are resolved by the lock file, not declared by this project.
    Component c = MakeNpmComponent(
        name, manifest->version, "",
        Evidence{Location{ctx.path(), manifest->line}, name, EvidenceMethod::kManifest}, Scope::kTransitive);
    c.licenses = manifest->licenses;
    ctx.sink().Add(std::move(c));
    return;
  }
  Component project = MakeProject(
      ctx, name, manifest->version,
      Evidence{Location{ctx.path(), manifest->line}, name, EvidenceMethod::kManifest});
  project.licenses = manifest->licenses;
  const std::string project_key = project.Key();
  ctx.sink().Add(std::move(project));
  for (const auto& dep : manifest->deps) {
    Spec spec = ParseSpec(dep.key, dep.spec);
    Component c = MakeNpmComponent(
        spec.name, spec.version, spec.version_spec,
        Evidence{Location{ctx.path(), dep.line}, dep.snippet, EvidenceMethod::kManifest},
        Scope::kDirect);
    c.properties = std::move(spec.properties);
    DropPurlWhenLocal(c);
    c.dev = dep.group == DepGroup::kDev;
    if (auto prop = GroupProperty(dep.group); !prop.empty()) c.properties[std::string(prop)] = "true";
    ctx.sink().Relate(project_key, c.Key());
    ctx.sink().Add(std::move(c));
  }
}

}  // namespace aisec::catalog::npm
