#pragma once
// The workspace a member crate belongs to: the nearest Cargo.toml above the member's folder, inside
// the scanned tree, whose [workspace] lists the member (members globs, minus exclude). Members
// inherit [workspace.package] fields and [workspace.dependencies] entries from it.
#include <optional>

#include <toml++/toml.h>

#include "catalog/cataloger.h"

namespace aisec::catalog::cargo {

struct WorkspaceRoot {
  toml::table doc;  // the root Cargo.toml
  const toml::table* workspace() const { return doc["workspace"].as_table(); }
};

// Reads the root through the context's reader; nullopt when there is none or it does not parse.
std::optional<WorkspaceRoot> FindWorkspaceRoot(Context& ctx);

}  // namespace aisec::catalog::cargo
