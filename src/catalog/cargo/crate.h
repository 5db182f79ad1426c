#pragma once
// What the Cargo.toml and Cargo.lock catalogers share: how a crate and a project become
// components.
#include <map>
#include <string>
#include <string_view>

#include "catalog/cataloger.h"
#include "core/component.h"

namespace aisec::catalog::cargo {

inline constexpr std::string_view kEcosystem = "cargo";

// A crate; the purl carries the version only when it is exact.
Component MakeCrate(std::string_view name, std::string_view version, std::string_view version_spec,
                    Evidence evidence, Scope scope);

// The application component standing for a package of the workspace, the way every cataloger
// makes one (catalog/python/project.h): named, with its cargo purl.
Component MakeCargoProject(const Context& ctx, const std::string& name, const std::string& version,
                           Evidence evidence);

// Properties for a package source as Cargo.lock writes it ("registry+URL", "sparse+URL",
// "git+URL?rev=…#commit"); crates.io adds none.
void AddSourceProperties(std::string_view source, std::map<std::string, std::string>& properties);

}  // namespace aisec::catalog::cargo
