#pragma once
// PEP 508 dependency specifiers ("name[extra1,extra2] (>=1.0,<2) ; python_version < '3.11'"),
// shared by every Python cataloger: requirements files, pyproject.toml, setup.cfg, Pipfile,
// notebooks and `pip install` lines.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/component.h"

namespace aisec::catalog::python {

struct Requirement {
  std::string name;                 // as written
  std::vector<std::string> extras;
  std::string specifier;            // ">=1.0,<2", without spaces; empty when any version
  std::string url;                  // for "name @ url"
  std::string marker;               // environment marker, as written
};

// Parses one specifier. Returns nullopt when `text` is not a requirement.
std::optional<Requirement> ParseRequirement(std::string_view text);

// The exact version a specifier pins ("==1.2.3" or "===1.2.3"), or empty.
std::string PinnedVersion(std::string_view specifier);

// A pypi library component for a requirement, with purl, version or version_spec, and evidence.
Component MakePypiComponent(const Requirement& req, Evidence evidence, Scope scope);

// The project name in a pip URL's "#egg=name" fragment ("git+https://host/repo.git#egg=name"),
// or empty.
std::string EggName(std::string_view url);

// A hash in pip and lock-file notation ("sha256:9f86…"), with the algorithm named the CycloneDX
// way ("SHA-256"). nullopt when `text` has no "algorithm:" prefix or no value.
std::optional<Hash> ParseHashSpec(std::string_view text);

}  // namespace aisec::catalog::python
