#pragma once
// The AI package catalogue (data/catalog/ai-packages.yaml): which packages of which ecosystems are
// AI components, in what category, from which provider. Loaded once; read-only and thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/component.h"
#include "core/result.h"

namespace aisec::catalog {

struct AiPackage {
  std::string name;       // as the ecosystem spells it (maven "group:artifact", npm "@scope/x")
  std::string ecosystem;  // purl type
  std::string category;   // one of AiCatalog::categories
  std::string provider;   // vendor or project ("OpenAI", "Hugging Face")
  std::string implies;    // what using it means, e.g. "calls the OpenAI API"
  std::vector<std::string> imports;  // import names / namespaces in code, when not the name
  bool popular = false;   // in the popular-name list used for typosquat checks
};

struct AiCategory {
  std::string id;
  std::string title;
};

class AiCatalog {
 public:
  // Parses the catalogue files. Fails on duplicates, unknown categories or ecosystems.
  static Result<AiCatalog> Load(std::string_view packages_yaml, std::string_view categories_yaml);
  // The catalogue embedded in the binary (or under AISEC_DATA_DIR). Aborts the process with a
  // clear message if the shipped data is broken, which the data tests prevent.
  static const AiCatalog& Default();

  const AiPackage* Find(std::string_view ecosystem, std::string_view name) const;
  const std::vector<AiPackage>& packages() const { return packages_; }
  const std::vector<AiCategory>& categories() const { return categories_; }
  const AiCategory* Category(std::string_view id) const;

  // Sets c.ai when the component is a catalogued AI package.
  void Classify(Component& c) const;

 private:
  std::vector<AiPackage> packages_;
  std::vector<AiCategory> categories_;
  std::unordered_map<std::string, size_t> index_;  // "ecosystem\x1fnormalised-name" -> package
};

// Purl types aisec knows.
bool IsKnownEcosystem(std::string_view purl_type);

}  // namespace aisec::catalog
