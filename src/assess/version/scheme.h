#pragma once
// Version ordering, one scheme per ecosystem (PEP 440, SemVer/npm, Go, Cargo, Maven, NuGet,
// RubyGems, Composer), behind one interface. A scheme parses a version string into an opaque,
// immutable Version and orders two Versions it parsed itself. Matching against advisories
// (src/assess/osv/) only ever talks to this interface.
//
// Thread-safety: schemes are stateless singletons; Versions are immutable and may be shared.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aisec::assess::version {

// What a scheme keeps of a parsed version. Each scheme derives its own.
struct ParsedVersion {
  virtual ~ParsedVersion() = default;
};

// A version parsed by one Scheme. Cheap to copy (the parsed form is shared and immutable).
class Version {
 public:
  Version() = default;
  Version(std::string text, std::shared_ptr<const ParsedVersion> parsed)
      : text_(std::move(text)), parsed_(std::move(parsed)) {}

  const std::string& text() const { return text_; }  // as written
  const ParsedVersion* parsed() const { return parsed_.get(); }
  bool valid() const { return parsed_ != nullptr; }

 private:
  std::string text_;
  std::shared_ptr<const ParsedVersion> parsed_;
};

class VersionSet;  // range.h

class Scheme {
 public:
  virtual ~Scheme() = default;
  virtual std::string_view name() const = 0;  // "pep440", "semver", …
  // Fails with kParse when `text` is not a version of this scheme.
  virtual Result<Version> Parse(std::string_view text) const = 0;
  // <0, 0 or >0. REQUIRES: both were returned by this scheme's Parse().
  virtual int Compare(const Version& a, const Version& b) const = 0;
  // Parses a requirement written in this ecosystem's range syntax (">=2.0,<2.3", "^1.2",
  // "[1.0,2.0)") into the set of versions it admits. kUnsupported when the scheme has no range
  // syntax of its own.
  virtual Result<VersionSet> ParseRange(std::string_view spec) const;

  // Parses both and compares; nullopt when either is not a version of this scheme.
  std::optional<int> CompareText(std::string_view a, std::string_view b) const;
};

// The scheme for an OSV ecosystem name ("PyPI", "npm", "Go", "crates.io", "Maven", "NuGet",
// "RubyGems", "Packagist"; a ":suffix" such as "Maven:https://…" is ignored). Null when aisec
// has no ordering for that ecosystem.
const Scheme* ForOsvEcosystem(std::string_view ecosystem);
// The scheme for a purl type ("pypi", "npm", "golang", "cargo", "maven", "nuget", "gem",
// "composer"). Null when unknown.
const Scheme* ForPurlType(std::string_view type);
// The purl type for an OSV ecosystem name, or "" when there is none.
std::string_view PurlTypeForOsvEcosystem(std::string_view ecosystem);

}  // namespace aisec::assess::version
