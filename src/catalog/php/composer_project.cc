#include "catalog/php/composer_project.h"

#include <nlohmann/json.hpp>

#include "core/strings.h"

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
    // "license": an SPDX expression, or an array of ids of which the user may choose one.
    if (auto it = manifest.find("license"); it != manifest.end()) {
      if (it->is_string() && !it->get<std::string>().empty()) {
        c.licenses.push_back(Snippet(it->get<std::string>(), 200));
      } else if (it->is_array()) {
        std::string choice;
        for (const auto& l : *it) {
          if (l.is_string() && !l.get<std::string>().empty()) {
            choice += (choice.empty() ? "" : " OR ") + l.get<std::string>();
          }
        }
        if (!choice.empty()) c.licenses.push_back(Snippet(choice, 400));
      }
    }
  }
  if (c.name.empty()) c.name = std::string(folder);
  c.evidence.push_back(Evidence{Location{evidence_path, line, 0, 0}, "", method});
  return c;
}

}  // namespace aisec::catalog::php
