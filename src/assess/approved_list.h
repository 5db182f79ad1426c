#pragma once
// The organisation's approved AI (`aisec scan --approved FILE`, format in docs/approved.md):
// providers, models, packages, endpoints and datasets, each exact or glob. Anything AI that the
// list does not approve is shadow AI.
#include <string>
#include <vector>

#include "core/component.h"
#include "core/result.h"

namespace aisec::assess {

struct ApprovedList {
  std::vector<std::string> providers;  // "OpenAI", "Azure OpenAI"
  std::vector<std::string> models;     // "gpt-4o*", "meta-llama/*"
  std::vector<std::string> packages;   // "pypi/openai", "npm/@ai-sdk/*"
  std::vector<std::string> endpoints;  // "https://*.openai.azure.com*"
  std::vector<std::string> datasets;   // "squad", "org/*"

  static Result<ApprovedList> Parse(std::string_view yaml, const std::string& path);
  static Result<ApprovedList> Load(const std::string& path);

  // Why a component is approved ("package pypi/openai", "provider OpenAI"), or "" when it is not.
  std::string Approves(const Component& c) const;
};

}  // namespace aisec::assess
