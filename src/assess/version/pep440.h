#pragma once
// PEP 440 versions (Python packages): epochs, release segments, pre/post/dev releases and local
// versions, with the spelling variants PEP 440 normalises ("1.0.alpha1", "1.0-a-1" and "1.0a1"
// are one version; "1.0-1" is "1.0.post1"; a leading "v" and upper case are allowed).
#include <string>
#include <string_view>
#include <vector>

#include "assess/version/scheme.h"

namespace aisec::assess::version {

struct Pep440Version : ParsedVersion {
  enum class Phase : int8_t { kNone = -1, kAlpha = 0, kBeta = 1, kRc = 2 };
  std::string epoch = "0";           // digits
  std::vector<std::string> release;  // digit strings, leading zeros removed
  Phase pre = Phase::kNone;
  std::string pre_number;            // digits, when pre != kNone
  bool post = false;
  std::string post_number;
  bool dev = false;
  std::string dev_number;
  std::vector<std::string> local;    // lower-case segments

  bool IsPrerelease() const { return pre != Phase::kNone || dev; }
};

const Scheme& Pep440();

class VersionSet;
// A PEP 440 specifier set (">=2.0,<2.3", "~=1.4.5", "==2.*", "!=2.1"), with the PEP's exclusion
// of pre-releases below "<V" (see pep440_specifier.cc). Poetry's constraints ("^1.2", "~1.2",
// "1.2.3", "*", "||") are read too, as pyproject.toml writes them.
Result<VersionSet> ParsePep440Specifiers(std::string_view spec);

// The normalised spelling of a PEP 440 version ("1.0-ALPHA-1" -> "1.0a1"), or an error.
Result<std::string> Pep440Canonical(std::string_view text);

}  // namespace aisec::assess::version
