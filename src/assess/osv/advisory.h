#pragma once
// One OSV record (ossf.github.io/osv-schema), reduced to what aisec uses: identity, text,
// severity, references and the affected packages with their ranges and version lists.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"

namespace aisec::assess::osv {

enum class EventKind : uint8_t { kIntroduced, kFixed, kLastAffected, kLimit };

struct Event {
  EventKind kind = EventKind::kIntroduced;
  std::string version;
  bool operator==(const Event&) const = default;
};

enum class RangeType : uint8_t { kSemver, kEcosystem, kGit, kOther };

struct Range {
  RangeType type = RangeType::kEcosystem;
  std::string repo;  // GIT ranges only
  std::vector<Event> events;
  bool operator==(const Range&) const = default;
};

struct Affected {
  std::string ecosystem;  // OSV ecosystem as written: "PyPI", "Maven:https://…"
  std::string name;       // as written
  std::vector<Range> ranges;
  std::vector<std::string> versions;
  bool operator==(const Affected&) const = default;
};

struct SeverityScore {
  std::string type;   // "CVSS_V3", "CVSS_V4", "Ubuntu", …
  std::string score;  // the vector or label
};

struct Reference {
  std::string type;  // "ADVISORY", "FIX", "WEB", …
  std::string url;
};

struct Advisory {
  std::string id;
  std::string modified;
  std::string published;
  std::string withdrawn;
  std::string summary;
  std::string details;
  std::vector<std::string> aliases;
  std::vector<SeverityScore> severity;  // top level and per package, in record order
  std::vector<Affected> affected;
  std::vector<Reference> references;
  std::string database_severity;  // database_specific.severity ("HIGH"), when given

  // OpenSSF malicious-package reports carry MAL- ids.
  bool IsMalicious() const { return id.starts_with("MAL-"); }
  // MAL-0000-* ids are per-source staging records awaiting a real id, not reports to act on.
  bool IsStaging() const { return id.starts_with("MAL-0000-"); }
};

// Limits on one record, so a hostile file cannot make us allocate without bound.
inline constexpr size_t kMaxAffected = 10'000;
inline constexpr size_t kMaxEvents = 1'000;
inline constexpr size_t kMaxVersions = 100'000;
inline constexpr size_t kMaxFieldBytes = 1 << 20;

// Reads one OSV record. kParse when a required field (id, modified, affected package) is missing
// or has the wrong type.
Result<Advisory> ParseAdvisory(const nlohmann::json& record);

// The records in an OSV file: a JSON or YAML document holding one record, or a JSON array of
// records. `path` labels errors.
Result<std::vector<nlohmann::json>> ParseOsvDocument(std::string_view text, const std::string& path);

// A compact, line-oriented encoding of an affected entry's ranges and versions, stored in the
// advisory database and decoded for every lookup (much cheaper than JSON).
std::string EncodeAffected(const Affected& a);
Result<Affected> DecodeAffected(std::string_view encoded);

}  // namespace aisec::assess::osv
