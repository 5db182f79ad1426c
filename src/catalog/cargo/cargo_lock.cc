// Cargo.lock: [[package]] tables with name, version, source, checksum (SHA-256 of the .crate) and
// dependencies, each "name", "name version" or, before lock version 3, "name version (source)"
// when the name alone is ambiguous. Version 1 kept checksums in a [metadata] table. Packages
// without a source are the workspace's own crates: the projects.
#include <unordered_map>

#include <toml++/toml.h>

#include "catalog/cargo/crate.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::cargo {
namespace {

constexpr std::string_view kSource = "cargo/cargo-lock";
constexpr size_t kMaxPackages = 1'000'000;

struct Package {
  std::string name, version, source;
  const toml::table* table = nullptr;
  Component component;
};

std::string StringAt(const toml::table& t, std::string_view key) { return t[key].value_or(std::string()); }

bool IsSha256Hex(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

class Lock {
 public:
  Lock(Context& ctx, std::string_view text) : ctx_(ctx), lines_(text) {}

  void Read(const toml::table& doc) {
    const toml::array* packages = doc["package"].as_array();
    if (packages == nullptr) {
      ctx_.Warn(1, "no [[package]] entries", kSource);
      return;
    }
    const toml::table* metadata = doc["metadata"].as_table();
    for (const auto& node : *packages) {
      const toml::table* t = node.as_table();
      if (t == nullptr) continue;
      if (packages_.size() >= kMaxPackages) {
        ctx_.Warn(node.source().begin.line, "too many packages; the rest are skipped", kSource);
        break;
      }
      AddPackage(*t, metadata);
    }
    for (size_t i = 0; i < packages_.size(); ++i) by_name_.emplace(packages_[i].name, i);
    std::vector<std::vector<size_t>> deps(packages_.size());
    for (size_t i = 0; i < packages_.size(); ++i) deps[i] = Dependencies(packages_[i]);
    Emit(deps);
  }

 private:
  void AddPackage(const toml::table& t, const toml::table* metadata) {
    Package p{StringAt(t, "name"), StringAt(t, "version"), StringAt(t, "source"), &t, {}};
    const toml::node* name_node = t.get("name");
    uint32_t line = name_node ? name_node->source().begin.line : t.source().begin.line;
    if (p.name.empty() || p.version.empty()) {
      ctx_.Warn(line, "package without name or version", kSource);
      return;
    }
    Evidence ev{Location{ctx_.path(), line}, Snippet(lines_.LineText(line)), EvidenceMethod::kLockfile};
    if (p.source.empty()) {
      p.component = MakeCargoProject(ctx_, p.name, p.version, std::move(ev));
    } else {
      p.component = MakeCrate(p.name, p.version, {}, std::move(ev), Scope::kTransitive);
      AddSourceProperties(p.source, p.component.properties);
      if (p.source.starts_with("path+")) p.component.purl.clear();  // a local crate
    }
    std::string checksum = StringAt(t, "checksum");
    if (checksum.empty() && metadata) {
      std::string key = "checksum " + p.name + ' ' + p.version + " (" + p.source + ')';
      checksum = (*metadata)[key].value_or(std::string());
    }
    if (IsSha256Hex(checksum)) p.component.hashes.push_back(Hash{"SHA-256", checksum});
    packages_.push_back(std::move(p));
  }

  // "name", "name version" or "name version (source)".
  std::vector<size_t> Dependencies(const Package& p) {
    std::vector<size_t> out;
    const toml::array* deps = (*p.table)["dependencies"].as_array();
    if (deps == nullptr) return out;
    for (const auto& d : *deps) {
      std::string_view spec = d.value<std::string_view>().value_or("");
      std::vector<std::string_view> parts = Split(Trim(spec), ' ');
      size_t found = Find(parts.empty() ? "" : parts[0], parts.size() > 1 ? parts[1] : "");
      if (found == SIZE_MAX) {
        ctx_.Warn(d.source().begin.line, "dependency " + Snippet(spec, 80) + " of " + p.name +
                                             " is not in the lock file", kSource);
        continue;
      }
      out.push_back(found);
    }
    return out;
  }

  size_t Find(std::string_view name, std::string_view version) const {
    auto [begin, end] = by_name_.equal_range(std::string(name));
    for (auto it = begin; it != end; ++it) {
      if (version.empty() || packages_[it->second].version == version) return it->second;
    }
    return SIZE_MAX;
  }

  void Emit(const std::vector<std::vector<size_t>>& deps) {
    std::vector<std::string> keys(packages_.size());
    for (size_t i = 0; i < packages_.size(); ++i) {
      if (packages_[i].component.kind != ComponentKind::kApplication) continue;
      for (size_t d : deps[i]) {
        if (packages_[d].component.kind == ComponentKind::kLibrary) packages_[d].component.scope = Scope::kDirect;
      }
    }
    for (size_t i = 0; i < packages_.size(); ++i) keys[i] = packages_[i].component.Key();
    for (size_t i = 0; i < packages_.size(); ++i) {
      for (size_t d : deps[i]) ctx_.sink().Relate(keys[i], keys[d]);
    }
    for (auto& p : packages_) ctx_.sink().Add(std::move(p.component));
  }

  Context& ctx_;
  LineIndex lines_;
  std::vector<Package> packages_;
  std::unordered_multimap<std::string, size_t> by_name_;
};

}  // namespace

void CargoLock(Context& ctx) {
  auto doc = python::LoadToml(ctx, kSource);
  if (doc) Lock(ctx, *python::LoadText(ctx, kSource)).Read(*doc);
}

}  // namespace aisec::catalog::cargo
