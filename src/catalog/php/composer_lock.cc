// composer.lock: "packages" and "packages-dev" (dev) hold every installed package with its
// exact version (kept as written, "v1.2.0" included), dist shasum (SHA-1), licences and its own
// "require" map, which becomes depends-on relations. The lock does not say which packages were
// asked for: the composer.json beside it does; without one, packages nothing else requires are
// taken as direct.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/json_field.h"
#include "catalog/gradle/manifest_files.h"
#include "catalog/php/composer_project.h"
#include "catalog/php/json_lines.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::php {
namespace {

constexpr std::string_view kSource = "php/composer-lock";
constexpr size_t kMaxPackages = 50000;

struct Locked {
  Component component;
  std::vector<std::string> requires_;  // lower-cased package names
};

class LockReader {
 public:
  LockReader(Context& ctx, std::string_view text) : ctx_(ctx), key_lines_(text), lines_(text) {}

  void Read(const nlohmann::json& lock) {
    size_t count = 0;
    for (std::string_view section : {"packages", "packages-dev"}) {
      auto it = lock.find(section);
      if (it == lock.end()) continue;
      std::string pointer = JsonKeyLines::Member("", section);
      if (!it->is_array()) {
        ctx_.Warn(key_lines_.Line(pointer), std::string(section) + " is not an array", kSource);
        continue;
      }
      for (size_t i = 0; i < it->size(); ++i) {
        std::string at = pointer + '/' + std::to_string(i);
        if (++count > kMaxPackages) {
          ctx_.Warn(key_lines_.Line(at + "/name"),
                    "more than " + std::to_string(kMaxPackages) + " packages; rest skipped",
                    kSource);
          return;
        }
        Package((*it)[i], at, section == "packages-dev");
      }
    }
  }

  void Emit(const nlohmann::json& manifest) {
    std::set<std::string> direct;
    for (const char* section : {"require", "require-dev"}) {
      auto it = manifest.is_object() ? manifest.find(section) : manifest.end();
      if (it == manifest.end() || !it->is_object()) continue;
      for (const auto& [name, _] : it->items()) direct.insert(ToLower(name));
    }
    if (!manifest.is_object()) {  // no composer.json: the roots of the graph are the direct ones
      std::set<std::string> required;
      for (const auto& [name, p] : packages_)
        required.insert(p.requires_.begin(), p.requires_.end());
      for (const auto& [name, p] : packages_) {
        if (!required.count(name)) direct.insert(name);
      }
    }
    std::string folder =
        std::filesystem::path(ctx_.file().abs_path).parent_path().filename().string();
    Component app = ComposerProject(manifest, folder, ctx_.path(), 1, EvidenceMethod::kLockfile);
    for (auto& [name, p] : packages_) {
      if (direct.count(name)) {
        p.component.scope = Scope::kDirect;
        ctx_.sink().Relate(app.Key(), p.component.Key());
      }
      for (const std::string& r : p.requires_) {
        if (auto it = packages_.find(r); it != packages_.end()) {
          ctx_.sink().Relate(p.component.Key(), it->second.component.Key());
        }
      }
    }
    ctx_.sink().Add(std::move(app));
    for (auto& [name, p] : packages_) ctx_.sink().Add(std::move(p.component));
  }

 private:
  void Package(const nlohmann::json& pkg, const std::string& at, bool dev) {
    uint32_t line = key_lines_.Line(at + "/name");
    std::string name = pkg.is_object() ? JsonString(pkg, "name") : "";
    std::string version = pkg.is_object() ? JsonString(pkg, "version") : "";
    if (name.empty() || version.empty()) {
      ctx_.Warn(line ? line : key_lines_.Line(at + "/version"), "package without name or version",
                kSource);
      return;
    }
    Locked p{.component = Component{.name = name,
                                    .version = version,
                                    .ecosystem = "composer",
                                    .scope = Scope::kTransitive,
                                    .dev = dev}};
    Component& c = p.component;
    c.purl = MakePurl("composer", name, version);
    if (auto dist = pkg.find("dist"); dist != pkg.end() && dist->is_object()) {
      std::string sha1 = JsonString(*dist, "shasum");
      if (!sha1.empty()) c.hashes.push_back(Hash{"SHA-1", ToLower(sha1)});
    }
    if (auto src = pkg.find("source"); src != pkg.end() && src->is_object()) {
      std::string ref = JsonString(*src, "reference");
      if (!ref.empty()) c.properties["aisec:vcs-reference"] = ref;
    }
    if (auto lic = pkg.find("license"); lic != pkg.end() && lic->is_array()) {
      for (const auto& l : *lic) {
        if (l.is_string()) c.licenses.push_back(l.get<std::string>());
      }
    }
    if (auto req = pkg.find("require"); req != pkg.end() && req->is_object()) {
      for (const auto& [dep, _] : req->items()) {
        if (!IsPlatformPackage(dep)) p.requires_.push_back(ToLower(dep));
      }
    }
    c.evidence.push_back(Evidence{Location{ctx_.path(), line, 0, 0}, Snippet(lines_.LineText(line)),
                                  EvidenceMethod::kLockfile});
    packages_.emplace(ToLower(name), std::move(p));
  }

  Context& ctx_;
  JsonKeyLines key_lines_;
  LineIndex lines_;
  std::map<std::string, Locked> packages_;  // by lower-cased name
};

}  // namespace

void ComposerLock(Context& ctx) {
  auto lock = python::LoadJson(ctx, kSource);
  if (!lock) return;
  std::string_view text = *ctx.Text();  // read once, cached by the context
  if (!lock->is_object()) {
    ctx.Warn(1, "composer.lock is not a JSON object", kSource);
    return;
  }
  nlohmann::json manifest;  // null unless composer.json beside the lock parses
  if (auto f = ReadSibling(ctx, "composer.json", kSource)) {
    if (auto parsed = ParseJson(f->text, f->file.rel_path); parsed.ok())
      manifest = std::move(*parsed);
  }
  LockReader reader(ctx, text);
  reader.Read(*lock);
  reader.Emit(manifest);
}

}  // namespace aisec::catalog::php
