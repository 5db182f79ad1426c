#include "assess/approved_list.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "core/glob.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess {
namespace {

bool AnyMatch(const std::vector<std::string>& globs, const std::string& value) {
  std::string v = ToLower(value);
  for (const auto& g : globs) {
    if (GlobMatch(ToLower(g), v)) return true;
  }
  return false;
}

bool HasProvider(const std::vector<std::string>& providers, const std::string& p) {
  for (const auto& x : providers) {
    if (IEquals(x, p)) return true;
  }
  return false;
}

}  // namespace

Result<ApprovedList> ApprovedList::Parse(std::string_view yaml, const std::string& path) {
  auto doc = ParseYaml(yaml, path);
  if (!doc.ok()) return doc.error();
  ApprovedList list;
  try {
    if (!doc->IsMap()) return Status::Invalid(path + ": the approved list must be a YAML mapping");
    for (const auto& kv : *doc) {
      std::string key = kv.first.as<std::string>();
      std::vector<std::string>* target = key == "providers"   ? &list.providers
                                         : key == "models"    ? &list.models
                                         : key == "packages"  ? &list.packages
                                         : key == "endpoints" ? &list.endpoints
                                         : key == "datasets"  ? &list.datasets
                                                              : nullptr;
      if (key == "version") continue;
      if (!target) return Status::Invalid(path + ": unknown key '" + key + "'");
      if (!kv.second.IsSequence()) return Status::Invalid(path + ": '" + key + "' must be a list");
      for (const auto& item : kv.second) target->push_back(item.as<std::string>());
    }
  } catch (const YAML::Exception& e) {
    return Status::Invalid(path + ": " + e.what());
  }
  return list;
}

Result<ApprovedList> ApprovedList::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open approved list " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

std::string ApprovedList::Approves(const Component& c) const {
  std::string provider = c.ai ? c.ai->provider : "";
  switch (c.kind) {
    case ComponentKind::kLibrary: {
      std::string id = c.ecosystem + "/" + c.name;
      return AnyMatch(packages, id) ? "package " + id : "";
    }
    case ComponentKind::kModel:
      if (AnyMatch(models, c.name)) return "model " + c.name;
      if (models.empty() && HasProvider(providers, provider)) return "provider " + provider;
      return "";
    case ComponentKind::kService: {
      auto ep = c.properties.find("aisec:endpoint");
      if (ep != c.properties.end() && AnyMatch(endpoints, ep->second)) return "endpoint " + ep->second;
      if (HasProvider(providers, provider)) return "provider " + provider;
      return "";
    }
    case ComponentKind::kData:
      return AnyMatch(datasets, c.name) ? "dataset " + c.name : "";
    default:
      return HasProvider(providers, provider) ? "provider " + provider : "";
  }
}

}  // namespace aisec::assess
