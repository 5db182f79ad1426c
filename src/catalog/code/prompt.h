#pragma once
// System prompts in the inventory. A prompt (a string literal passed as a system message, or a
// prompt file) becomes a ComponentKind::kPrompt component named by a short hash of its text, with
// a redacted, truncated preview; credentials inside it become findings. Never keeps the prompt's
// full text anywhere in the output.
#include <string>
#include <string_view>

#include "catalog/cataloger.h"

namespace aisec::catalog::code {

// True when a literal reads like a prompt rather than a value (data: prompt_text).
bool LooksLikePrompt(std::string_view text);

// `text` with every credential-looking span (AI keys of data/secrets, prompt_secrets) redacted.
// `found` counts the spans redacted, when given.
std::string RedactCredentials(std::string_view text, size_t* found = nullptr);

struct PromptOrigin {
  Location location;
  std::string source;     // "code" or "file"
  std::string framework;  // when known from the call that carries it
};

// Adds the prompt component (and a finding per credential inside it) to the sink and returns
// the component's key.
std::string ReportPrompt(std::string_view text, const PromptOrigin& origin, Sink& sink);

}  // namespace aisec::catalog::code
