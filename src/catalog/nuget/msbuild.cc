#include "catalog/nuget/msbuild.h"

#include "catalog/maven/expand.h"
#include "core/strings.h"

namespace aisec::catalog::nuget {
namespace {

// Metadata as an attribute (Version="1.0") or a child element (<Version>1.0</Version>).
std::string Metadata(pugi::xml_node item, std::string_view name) {
  for (pugi::xml_attribute a : item.attributes()) {
    if (IEquals(a.name(), name)) return std::string(Trim(a.value()));
  }
  for (pugi::xml_node c : item.children()) {
    if (c.type() == pugi::node_element && IEquals(LocalName(c), name)) {
      return std::string(Trim(c.child_value()));
    }
  }
  return {};
}

}  // namespace

MsBuildProperties::MsBuildProperties(pugi::xml_node project) {
  for (pugi::xml_node group : project.children()) {
    if (group.type() != pugi::node_element || !IEquals(LocalName(group), "PropertyGroup")) continue;
    for (pugi::xml_node p : group.children()) {
      if (p.type() == pugi::node_element) {
        values_[ToLower(LocalName(p))] = std::string(Trim(p.child_value()));
      }
    }
  }
}

std::string MsBuildProperties::Get(std::string_view name) const {
  auto it = values_.find(ToLower(name));
  return it == values_.end() ? std::string() : Expand(it->second, nullptr);
}

std::string MsBuildProperties::Expand(std::string_view text, bool* complete) const {
  return ExpandReferences(
      text, {"$(", ')'},
      [this](std::string_view name) -> const std::string* {
        auto it = values_.find(ToLower(name));
        return it == values_.end() ? nullptr : &it->second;
      },
      complete);
}

std::vector<PackageItem> PackageItems(pugi::xml_node root, std::string_view element,
                                      const MsBuildProperties& props) {
  std::vector<PackageItem> items;
  ForEachElement(root, [&](pugi::xml_node n, int) {
    if (!IEquals(LocalName(n), element)) return;
    PackageItem item{.node = n};
    item.id = Metadata(n, "Include");
    if (item.id.empty()) {
      item.id = Metadata(n, "Update");
      item.update = !item.id.empty();
    }
    bool a = true, b = true;
    item.version = props.Expand(Metadata(n, "Version"), &a);
    item.version_override = props.Expand(Metadata(n, "VersionOverride"), &b);
    item.complete = a && b;
    item.private_assets = Metadata(n, "PrivateAssets");
    items.push_back(std::move(item));
  });
  return items;
}

NuGetVersion SplitNuGetVersion(std::string_view raw) {
  raw = Trim(raw);
  if (raw.size() > 2 && raw.front() == '[' && raw.back() == ']' &&
      raw.find(',') == std::string_view::npos) {
    return NuGetVersion{.exact = std::string(Trim(raw.substr(1, raw.size() - 2)))};
  }
  if (raw.empty() || raw.find_first_of("[](),*$ ") != std::string_view::npos) {
    return NuGetVersion{.spec = std::string(raw)};
  }
  return NuGetVersion{.exact = std::string(raw)};
}

}  // namespace aisec::catalog::nuget
