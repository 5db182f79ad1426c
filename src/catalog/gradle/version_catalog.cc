#include "catalog/gradle/version_catalog.h"

#include <toml++/toml.h>

#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::gradle {
namespace {

constexpr size_t kMaxEntries = 20000;

uint32_t LineOf(const toml::key& key) { return static_cast<uint32_t>(key.source().begin.line); }

std::string StringOr(const toml::node* node, std::string_view fallback = {}) {
  if (node != nullptr) {
    if (auto s = node->value<std::string>()) return *s;
  }
  return std::string(fallback);
}

class CatalogReader {
 public:
  CatalogReader(const std::string& path, VersionCatalog& out) : path_(path), out_(out) {}

  void Versions(const toml::table* t) {
    if (t == nullptr) return;
    for (auto&& [key, node] : *t) {
      if (auto s = node.value<std::string>()) {
        out_.versions[std::string(key.str())] = *s;
      } else if (const toml::table* rich = node.as_table()) {
        out_.versions[std::string(key.str())] = RichVersion(*rich);
      }
    }
  }

  void Libraries(const toml::table* t) {
    if (t == nullptr) return;
    for (auto&& [key, node] : *t) {
      if (!Room(key)) return;
      CatalogEntry e{.alias = std::string(key.str()), .line = LineOf(key)};
      if (auto s = node.value<std::string>()) {
        // "group:artifact:version" or "group:artifact"
        std::vector<std::string_view> parts = Split(*s, ':');
        if (parts.size() < 2) {
          Problem(key, "library '" + e.alias + "' is not group:artifact[:version]");
          continue;
        }
        e.name = std::string(parts[0]) + ':' + std::string(parts[1]);
        if (parts.size() > 2) e.version = SplitGradleVersion(parts[2]);
      } else if (const toml::table* lib = node.as_table()) {
        std::string module = StringOr(lib->get("module"));
        if (module.empty()) {
          std::string group = StringOr(lib->get("group")), name = StringOr(lib->get("name"));
          if (!group.empty() && !name.empty()) module = group + ':' + name;
        }
        if (module.empty() || module.find(':') == std::string::npos) {
          Problem(key, "library '" + e.alias + "' has no module or group and name");
          continue;
        }
        e.name = module;
        e.version = EntryVersion(*lib);
      } else {
        Problem(key, "library '" + e.alias + "' is neither a string nor a table");
        continue;
      }
      out_.libraries[CatalogAccessor(e.alias)] = std::move(e);
    }
  }

  void Bundles(const toml::table* t) {
    if (t == nullptr) return;
    for (auto&& [key, node] : *t) {
      if (!Room(key)) return;
      const toml::array* members = node.as_array();
      if (members == nullptr) {
        Problem(key, "bundle '" + std::string(key.str()) + "' is not an array");
        continue;
      }
      std::string accessor = CatalogAccessor(key.str());
      for (const toml::node& m : *members) {
        if (auto s = m.value<std::string>()) out_.bundles[accessor].push_back(CatalogAccessor(*s));
      }
      out_.bundle_lines[accessor] = LineOf(key);
    }
  }

  void Plugins(const toml::table* t) {
    if (t == nullptr) return;
    for (auto&& [key, node] : *t) {
      if (!Room(key)) return;
      CatalogEntry e{.alias = std::string(key.str()), .line = LineOf(key)};
      if (auto s = node.value<std::string>()) {
        auto colon = s->find(':');
        e.name = s->substr(0, colon);
        if (colon != std::string::npos) e.version = SplitGradleVersion(s->substr(colon + 1));
      } else if (const toml::table* p = node.as_table()) {
        e.name = StringOr(p->get("id"));
        e.version = EntryVersion(*p);
      }
      if (e.name.empty()) {
        Problem(key, "plugin '" + e.alias + "' has no id");
        continue;
      }
      out_.plugins[CatalogAccessor(e.alias)] = std::move(e);
    }
  }

 private:
  // version = "1.0" | version.ref = "name" | version = { ref | strictly | require | prefer }
  GradleVersion EntryVersion(const toml::table& entry) {
    const toml::node* v = entry.get("version");
    if (v == nullptr) return {};
    if (auto s = v->value<std::string>()) return SplitGradleVersion(*s);
    const toml::table* t = v->as_table();
    if (t == nullptr) return {};
    if (const toml::node* ref = t->get("ref")) {
      std::string name = StringOr(ref);
      auto it = out_.versions.find(name);
      if (it != out_.versions.end()) return SplitGradleVersion(it->second);
      return GradleVersion{.spec = "version.ref:" + name};
    }
    return SplitGradleVersion(RichVersion(*t));
  }

  static std::string RichVersion(const toml::table& t) {
    for (std::string_view k : {"strictly", "require", "prefer"}) {
      std::string v = StringOr(t.get(k));
      if (!v.empty()) return k == "strictly" ? v + "!!" : v;
    }
    return {};
  }

  bool Room(const toml::key& key) {
    if (++count_ <= kMaxEntries) return true;
    if (count_ == kMaxEntries + 1) {
      Problem(key, "more than " + std::to_string(kMaxEntries) + " entries; rest skipped");
    }
    return false;
  }

  void Problem(const toml::key& key, std::string message) {
    out_.problems.push_back(
        Error{ErrorCode::kParse, std::move(message), Location{path_, LineOf(key), 0, 0}});
  }

  const std::string& path_;
  VersionCatalog& out_;
  size_t count_ = 0;
};

}  // namespace

GradleVersion SplitGradleVersion(std::string_view raw) {
  raw = Trim(raw);
  std::string_view strict = raw;
  if (auto bang = raw.find("!!"); bang != std::string_view::npos) strict = raw.substr(0, bang);
  if (strict.empty() || strict.find_first_of("[]()+,$ ") != std::string_view::npos ||
      strict.starts_with("latest.")) {
    return GradleVersion{.spec = std::string(raw)};
  }
  return GradleVersion{.exact = std::string(strict)};
}

std::string PluginMarker(std::string_view id) {
  return std::string(id) + ':' + std::string(id) + ".gradle.plugin";
}

std::string CatalogAccessor(std::string_view alias) {
  std::string out(alias);
  for (char& c : out) {
    if (c == '-' || c == '_') c = '.';
  }
  return out;
}

Result<VersionCatalog> ParseVersionCatalog(std::string_view text, const std::string& path) {
  auto table = ParseToml(text, path);
  if (!table.ok()) return table.error();
  VersionCatalog out;
  CatalogReader reader(path, out);
  reader.Versions((*table)["versions"].as_table());
  reader.Libraries((*table)["libraries"].as_table());
  reader.Bundles((*table)["bundles"].as_table());
  reader.Plugins((*table)["plugins"].as_table());
  return out;
}

}  // namespace aisec::catalog::gradle
