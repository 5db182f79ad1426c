#pragma once
// Runs the AI-usage rules of one language family (or the configuration rules) over a text and
// reports what it finds: AI libraries in use, models, datasets, LLM services and endpoints
// (components with relations between them), and provider credentials (findings, redacted).
#include <functional>
#include <string>
#include <string_view>

#include "catalog/cataloger.h"
#include "catalog/code/knowledge.h"
#include "core/finding.h"

namespace aisec::catalog::code {

struct DetectInput {
  std::string_view text;
  const RuleSet* family;  // null for configuration files
  const RuleSet& shared;
  const Syntax* syntax = nullptr;  // null for configuration files: every match counts
  std::string path;
  // Maps an offset in `text` to a location; default: line and column in `text` itself.
  std::function<Location(size_t offset)> locate;
};

void Detect(const DetectInput& input, Sink& sink);

// "sk-proj-…[redacted, 164 chars]"; never returns more than `keep` characters of the secret.
std::string RedactSecret(std::string_view secret, int keep);
// True for obvious placeholders ("sk-xxxx", "your-api-key", low-entropy strings).
bool LooksLikePlaceholder(std::string_view secret);

}  // namespace aisec::catalog::code
