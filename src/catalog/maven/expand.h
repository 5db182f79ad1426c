#pragma once
// Property references in build files: ${name} in Maven POMs, $(Name) in MSBuild projects.
// Values may refer to other properties; expansion is recursive but bounded, so properties that
// refer to each other, or that double at every level ("billion laughs" through properties),
// stop instead of looping or exploding.
#include <functional>
#include <string>
#include <string_view>

namespace aisec::catalog {

inline constexpr int kMaxExpandDepth = 16;
inline constexpr size_t kMaxExpandedSize = 4096;

struct ReferenceSyntax {
  std::string_view open;  // "${" or "$("
  char close;             // '}' or ')'
};

// The value of a property, or nullptr when it is not defined.
using PropertyLookup = std::function<const std::string*(std::string_view name)>;

// Expands every reference in `text`. A reference that is undefined, cyclic or too deep stays as
// written and clears `*complete` (when given); so does cutting output at kMaxExpandedSize.
std::string ExpandReferences(std::string_view text, ReferenceSyntax syntax,
                             const PropertyLookup& lookup, bool* complete);

}  // namespace aisec::catalog
