#include "formats/onnx/domains.h"

#include <array>

#include <yaml-cpp/yaml.h>

#include "core/data.h"
#include "core/parse.h"

namespace aisec::formats::onnx {
namespace {

constexpr std::array<std::string_view, 4> kKindNames = {"standard", "runtime", "extension",
                                                        "custom"};

}  // namespace

std::string_view DomainKindName(DomainKind k) { return kKindNames[static_cast<size_t>(k)]; }

Result<Domains> Domains::Load(std::string_view yaml) {
  auto doc = ParseYaml(yaml, "model/onnx-domains.yaml");
  if (!doc.ok()) return doc.error();
  Domains d;
  try {
    if (!(*doc)["version"]) return Status::Parse("onnx-domains: no version");
    for (const auto& row : (*doc)["domains"]) {
      std::string name = row["domain"].as<std::string>();
      std::string kind = row["kind"].as<std::string>();
      size_t k = 0;
      while (k < 3 && kKindNames[k] != kind) ++k;  // "custom" is implied, never listed
      if (k == 3) return Status::Parse("onnx-domains: unknown kind " + kind);
      if (!d.kinds_.emplace(name, static_cast<DomainKind>(k)).second) {
        return Status::Parse("onnx-domains: duplicate domain " + name);
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("onnx-domains: ") + e.what());
  }
  if (d.Kind("") != DomainKind::kStandard) return Status::Parse("onnx-domains: no default domain");
  return d;
}

const Domains& Domains::Default() {
  static const Domains domains = LoadShippedData("model/onnx-domains.yaml", Load);
  return domains;
}

DomainKind Domains::Kind(std::string_view domain) const {
  auto it = kinds_.find(domain);
  return it == kinds_.end() ? DomainKind::kCustom : it->second;
}

}  // namespace aisec::formats::onnx
