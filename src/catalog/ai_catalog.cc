#include "catalog/ai_catalog.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/data.h"
#include "core/parse.h"
#include "core/purl.h"

namespace aisec::catalog {
namespace {

constexpr std::string_view kEcosystems[] = {"pypi",  "npm",      "golang", "cargo", "maven",
                                            "nuget", "gem",      "composer", "conda", "github"};

std::string IndexKey(std::string_view ecosystem, std::string_view name) {
  return std::string(ecosystem) + '\x1f' + NormalizePackageName(ecosystem, name);
}

std::string Str(const YAML::Node& n, const char* key) {
  const YAML::Node v = n[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

}  // namespace

bool IsKnownEcosystem(std::string_view purl_type) {
  for (auto e : kEcosystems) {
    if (e == purl_type) return true;
  }
  return false;
}

Result<AiCatalog> AiCatalog::Load(std::string_view packages_yaml, std::string_view categories_yaml) {
  AiCatalog cat;
  auto cats = ParseYaml(categories_yaml, "catalog/categories.yaml");
  if (!cats.ok()) return cats.error();
  auto pkgs = ParseYaml(packages_yaml, "catalog/ai-packages.yaml");
  if (!pkgs.ok()) return pkgs.error();
  try {
    std::set<std::string> ids;
    for (const auto& c : (*cats)["categories"]) {
      AiCategory cat_entry{Str(c, "id"), Str(c, "title")};
      if (cat_entry.id.empty() || !ids.insert(cat_entry.id).second) {
        return Status::Parse("category id missing or duplicated: " + cat_entry.id);
      }
      cat.categories_.push_back(std::move(cat_entry));
    }
    for (const auto& p : (*pkgs)["packages"]) {
      AiPackage pkg{Str(p, "name"), Str(p, "ecosystem"), Str(p, "category"), Str(p, "provider"),
                    Str(p, "implies"), {}, false};
      if (const YAML::Node imports = p["imports"]) {
        for (const auto& i : imports) pkg.imports.push_back(i.as<std::string>());
      }
      if (const YAML::Node popular = p["popular"]) pkg.popular = popular.as<bool>();
      if (pkg.name.empty()) return Status::Parse("package without a name");
      if (!IsKnownEcosystem(pkg.ecosystem)) {
        return Status::Parse("unknown ecosystem '" + pkg.ecosystem + "' for " + pkg.name);
      }
      if (!ids.count(pkg.category)) {
        return Status::Parse("unknown category '" + pkg.category + "' for " + pkg.name);
      }
      if (pkg.provider.empty()) return Status::Parse("package without a provider: " + pkg.name);
      std::string key = IndexKey(pkg.ecosystem, pkg.name);
      if (!cat.index_.emplace(key, cat.packages_.size()).second) {
        return Status::Parse("duplicate package " + pkg.ecosystem + "/" + pkg.name);
      }
      cat.packages_.push_back(std::move(pkg));
    }
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("AI catalogue: ") + e.what());
  }
  return cat;
}

const AiCatalog& AiCatalog::Default() {
  static const AiCatalog kCatalog = [] {
    auto pkgs = DataFile("catalog/ai-packages.yaml");
    auto cats = DataFile("catalog/categories.yaml");
    if (!pkgs || !cats) {
      std::fprintf(stderr, "aisec: the AI catalogue is missing from the data files\n");
      std::abort();
    }
    auto loaded = Load(*pkgs, *cats);
    if (!loaded.ok()) {
      std::fprintf(stderr, "aisec: the AI catalogue is broken: %s\n", loaded.error().message.c_str());
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return kCatalog;
}

const AiPackage* AiCatalog::Find(std::string_view ecosystem, std::string_view name) const {
  auto it = index_.find(IndexKey(ecosystem, name));
  return it == index_.end() ? nullptr : &packages_[it->second];
}

const AiCategory* AiCatalog::Category(std::string_view id) const {
  for (const auto& c : categories_) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

void AiCatalog::Classify(Component& c) const {
  if (c.kind != ComponentKind::kLibrary || c.ai) return;
  if (const AiPackage* p = Find(c.ecosystem, c.name)) {
    c.ai = AiInfo{.category = p->category, .provider = p->provider};
    if (!p->implies.empty()) c.properties["aisec:implies"] = p->implies;
  }
}

}  // namespace aisec::catalog
