#pragma once
// Knowledge for infrastructure-as-code catalogers: inference-server images and Terraform
// resource types (data/iac/*.yaml), loaded once.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/component.h"

namespace aisec::catalog::iac {

struct ServiceKind {
  std::string pattern;  // image glob or resource-type glob
  std::string service, provider, category;
  std::vector<std::string> kinds;  // Terraform: accepted values of the `kind` attribute
};

const std::vector<ServiceKind>& Images();
const std::vector<ServiceKind>& TerraformResources();

// "docker.io/library/ollama:0.3@sha256:…" -> {"ollama", "0.3"}
std::pair<std::string, std::string> SplitImage(std::string_view image);
const ServiceKind* MatchImage(std::string_view name);

// A service component for an AI service found in infrastructure code.
Component ServiceComponent(const ServiceKind& kind, Evidence evidence);

}  // namespace aisec::catalog::iac
