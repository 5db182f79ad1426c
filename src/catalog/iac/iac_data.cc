#include "catalog/iac/iac_data.h"

#include <yaml-cpp/yaml.h>

#include "core/data.h"
#include "core/glob.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::iac {
namespace {

std::vector<ServiceKind> Load(const char* file, const char* list, const char* key) {
  std::vector<ServiceKind> out;
  auto text = DataFile(file);
  if (!text) return out;
  auto doc = ParseYaml(*text, file);
  if (!doc.ok()) return out;
  for (const auto& n : (*doc)[list]) {
    ServiceKind k{n[key].as<std::string>(), n["service"].as<std::string>(), n["provider"].as<std::string>(),
                  n["category"].as<std::string>(), {}};
    if (n["kinds"]) {
      for (const auto& x : n["kinds"]) k.kinds.push_back(x.as<std::string>());
    }
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

const std::vector<ServiceKind>& Images() {
  static const auto kImages = Load("iac/inference-images.yaml", "images", "image");
  return kImages;
}

const std::vector<ServiceKind>& TerraformResources() {
  static const auto kResources = Load("iac/terraform-resources.yaml", "resources", "type");
  return kResources;
}

std::pair<std::string, std::string> SplitImage(std::string_view image) {
  image = Trim(image);
  if (auto at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  std::string tag;
  auto colon = image.rfind(':');
  auto slash = image.rfind('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    tag = std::string(image.substr(colon + 1));
    image = image.substr(0, colon);
  }
  std::string name(image);
  for (std::string_view prefix : {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
    if (name.starts_with(prefix)) name = name.substr(prefix.size());
  }
  if (name.starts_with("library/")) name = name.substr(8);
  return {ToLower(name), tag};
}

const ServiceKind* MatchImage(std::string_view name) {
  for (const auto& k : Images()) {
    if (GlobMatch(k.pattern, name)) return &k;
  }
  return nullptr;
}

Component ServiceComponent(const ServiceKind& kind, Evidence evidence) {
  Component c;
  c.kind = ComponentKind::kService;
  c.name = kind.service;
  c.scope = Scope::kDeclared;
  c.ai = AiInfo{.category = kind.category, .provider = kind.provider};
  c.confidence = 0.95;
  c.evidence.push_back(std::move(evidence));
  return c;
}

}  // namespace aisec::catalog::iac
