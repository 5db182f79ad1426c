#pragma once
// Pieces shared by the standard-format reporters (CycloneDX, SPDX, SARIF): the inventory as a
// graph with unique references, document identity and time, and the spellings the standards
// use for hash algorithms and licences. The conventions are described in report/formats.h.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scan_result.h"

namespace aisec::report {

// The components of a result as nodes of one graph.
struct BomGraph {
  struct Edge {
    size_t to;
    RelationKind kind;
    bool operator<(const Edge& o) const { return to != o.to ? to < o.to : kind < o.kind; }
    bool operator==(const Edge&) const = default;
  };
  std::vector<std::string> refs;            // per component: unique, valid UTF-8
  std::map<std::string, size_t> by_key;     // Component::Key() -> first component with it
  std::vector<std::vector<Edge>> edges;     // per component: outgoing, sorted, unique
  // What the scanned root depends on: every component nothing else depends on, plus one
  // component of each cycle that is not reachable otherwise. In component order.
  std::vector<size_t> tops;

  // Index of the component a reference (a Component::Key()) names, if any.
  std::optional<size_t> Find(const std::string& key) const;
};
BomGraph BuildGraph(const ScanResult& r);

// A name-based UUID (RFC 9562 version 8, from SHA-256) of the result's content and times.
std::string ResultUuid(const ScanResult& r);
// The scanned folder's name ("repo" for "/src/repo/"); "scan" when nothing better is known.
std::string RootName(const ScanResult& r);
// "YYYY-MM-DDTHH:MM:SSZ" for an RFC 3339 UTC time (fractions dropped), nullopt otherwise.
std::optional<std::string> UtcTimestamp(std::string_view rfc3339);

// Hash algorithm as CycloneDX ("SHA-256") and SPDX ("sha256") spell it, from any common
// spelling ("sha256", "SHA_256"); empty when the format has no such algorithm.
std::string_view CycloneDxHashAlgorithm(std::string_view alg);
std::string_view SpdxHashAlgorithm(std::string_view alg);
// Hex digest of a length a hash in these formats can have (MD5 … SHA-512).
bool IsHexDigest(std::string_view value);

// How a component's licences are written: one SPDX licence id, one SPDX expression (ids on the
// SPDX list or LicenseRef-, normalised), or, when they are not SPDX, the names as declared.
struct LicenseChoice {
  enum class Kind { kNone, kId, kExpression, kNames } kind = Kind::kNone;
  std::string text;  // kId, kExpression
};
LicenseChoice ChooseLicense(const Component& c);

// A property value, "" when absent.
std::string_view Prop(const std::map<std::string, std::string>& props, const std::string& key);
// Comma- (or `sep`-) separated list, trimmed, without empty items.
std::vector<std::string> SplitList(std::string_view s, char sep = ',');
// Parses a non-negative decimal integer property ("1234").
std::optional<uint64_t> ParseOffset(std::string_view s);

// Whether a service's traffic leaves the trust boundary (formats.h); nullopt when unknown.
std::optional<bool> CrossesTrustBoundary(const Component& service);

// The name/value pairs that describe a component beyond the format's own fields: aisec:kind,
// aisec:scope, aisec:dev, aisec:version-spec, aisec:ai:* from AiInfo, hashes the formats cannot
// carry, then every Component::properties entry.
std::vector<std::pair<std::string, std::string>> ComponentProperties(const Component& c);

// "library", "application", "machine-learning-model", "data" — the CycloneDX component type
// (services are not components there; they map to "application" here for SPDX's sake).
std::string_view CycloneDxType(ComponentKind kind);

}  // namespace aisec::report
