#pragma once
// Typosquat detection against the popular names of the AI catalogue (data/catalog/ai-packages.yaml)
// minus the known legitimate near names (data/typosquat/legitimate.yaml). Both are loaded once;
// the functions are thread-safe.
#include <optional>
#include <string>
#include <string_view>

namespace aisec::assess {

struct TyposquatMatch {
  std::string imitates;   // the popular package's name as the catalogue writes it
  std::string technique;  // "separator-swap", "confusable", "word-reorder", "transposition", "one-edit"
};

// How `name` (a package of purl type `ecosystem`) imitates a popular AI package, or nothing when
// it does not, or when it is a catalogued or known legitimate package. Where several popular
// names match, the most specific technique (in the order above) wins.
std::optional<TyposquatMatch> MatchTyposquat(std::string_view ecosystem, std::string_view name);

// How a normalised `name` imitates a normalised `popular` name, or "" when it does not.
std::string TyposquatTechnique(std::string_view name, std::string_view popular);

}  // namespace aisec::assess
