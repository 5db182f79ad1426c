#pragma once
// The inventory: what a scan found. Components map onto CycloneDX component types.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace aisec {

enum class EvidenceMethod : uint8_t {
  kManifest, kLockfile, kImport, kCall, kConfig, kString, kMagicBytes, kHeader,
};
std::string_view EvidenceMethodName(EvidenceMethod m);

struct Evidence {
  Location location;
  std::string snippet;  // already redacted when it could hold a secret
  EvidenceMethod method = EvidenceMethod::kManifest;
  // The requirement declared at this location ("torch>=2.0,<2.3" gives ">=2.0,<2.3"), when the
  // declaration is a range. Several manifests may declare one package with different ranges.
  std::string version_spec;
};

enum class ComponentKind : uint8_t {
  kLibrary, kModel, kData, kService, kApplication, kAgent, kTool,
  kPrompt,  // a system prompt: CycloneDX data (configuration), SPDX configuration package
};
std::string_view ComponentKindName(ComponentKind k);

// How a component is known: declared directly by a manifest, pulled in transitively (lock file),
// declared without being resolved, or seen in use (code, config) without a declaration.
enum class Scope : uint8_t { kDirect, kTransitive, kDeclared, kUsed };
std::string_view ScopeName(Scope s);

struct AiInfo {
  std::string category;      // e.g. "llm-sdk", "ml-framework" (data/catalog/categories)
  std::string provider;      // e.g. "OpenAI"
  std::string model_family;  // e.g. "gpt-4o"
  std::string task;          // e.g. "text-generation"
  bool operator==(const AiInfo&) const = default;
};

struct Hash {
  std::string algorithm;  // "SHA-256"
  std::string value;      // lower-case hex
};

struct Component {
  ComponentKind kind = ComponentKind::kLibrary;
  std::string name;
  std::string version;       // exact version when known, else empty
  std::string version_spec;  // requirement as written ("<2.3,>=2.0"), when not exact
  std::string purl;
  std::string ecosystem;     // "pypi", "npm", "golang", "cargo", "maven", "nuget", "gem", "composer"
  Scope scope = Scope::kDirect;
  bool dev = false;          // development/test-only dependency
  std::optional<AiInfo> ai;  // set when the component is AI-related
  std::vector<std::string> licenses;
  std::vector<Hash> hashes;
  std::map<std::string, std::string> properties;
  std::vector<Evidence> evidence;
  double confidence = 1.0;

  // Stable identity used for merging and as the BOM reference.
  std::string Key() const;
};

enum class RelationKind : uint8_t { kDependsOn, kUsesModel, kCallsService, kProvides };
std::string_view RelationKindName(RelationKind k);

// Edge between two components, named by Component::Key().
struct Relation {
  std::string from;
  std::string to;
  RelationKind kind = RelationKind::kDependsOn;
  bool operator==(const Relation&) const = default;
};

// Something a cataloger or assessor could not read; the scan goes on.
struct Warning {
  Location location;
  std::string message;
  std::string source;  // which cataloger/assessor
};

}  // namespace aisec
