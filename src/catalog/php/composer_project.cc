#include "catalog/php/composer_project.h"

#include <nlohmann/json.hpp>

namespace aisec::catalog::php {

bool IsPlatformPackage(std::string_view name) { return name.find('/') == std::string_view::npos; }

bool IsExactComposerVersion(std::string_view v) {
  return !v.empty() && v.find_first_of("^~*<>=|, @") == std::string_view::npos &&
         !v.starts_with("dev-") && !v.ends_with("-dev");
}

Component ComposerProject(const nlohmann::json& manifest, std::string_view folder,
                          const std::string& evidence_path, uint32_t line, EvidenceMethod method) {
  Component c{.kind = ComponentKind::kApplication, .ecosystem = "composer"};
  if (manifest.is_object()) {
    if (auto it = manifest.find("name"); it != manifest.end() && it->is_string()) {
      c.name = it->get<std::string>();
    }
    if (auto it = manifest.find("version"); it != manifest.end() && it->is_string()) {
      c.version = it->get<std::string>();
    }
  }
  if (c.name.empty()) c.name = std::string(folder);
  c.evidence.push_back(Evidence{Location{evidence_path, line, 0, 0}, "", method});
  return c;
}

}  // namespace aisec::catalog::php
