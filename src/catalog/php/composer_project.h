#pragma once
// What composer.json and composer.lock share: the project component (named by composer.json, so
// both files produce the same one), which requirements are platform packages, and versions.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "core/component.h"

namespace aisec::catalog::php {

// php, ext-*, lib-*, composer-plugin-api...: anything without a vendor prefix is the platform.
bool IsPlatformPackage(std::string_view name);

// A constraint that names one version ("1.2.3", "v1.2.3") rather than a range or a branch.
bool IsExactComposerVersion(std::string_view constraint);

// The application component for a composer.json document; `folder` names it when the document
// has no "name". `evidence_path` and `line` locate it.
Component ComposerProject(const nlohmann::json& manifest, std::string_view folder,
                          const std::string& evidence_path, uint32_t line, EvidenceMethod method);

}  // namespace aisec::catalog::php
