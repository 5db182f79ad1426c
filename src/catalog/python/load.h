#pragma once
// Reading a cataloger's file as structured text. On failure (unreadable, over the size limit,
// malformed, too deeply nested) each adds one warning located where the parser stopped and
// returns nullopt, so the caller just returns and the scan goes on.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

#include "catalog/cataloger.h"

namespace YAML {
class Node;
}
namespace toml {
inline namespace v3 {
class table;
}  // namespace v3
}  // namespace toml

namespace aisec::catalog::python {

// The file's text, or nullopt after a warning.
std::optional<std::string_view> LoadText(Context& ctx, std::string_view source);
std::optional<toml::table> LoadToml(Context& ctx, std::string_view source);
std::optional<nlohmann::json> LoadJson(Context& ctx, std::string_view source);
std::optional<YAML::Node> LoadYaml(Context& ctx, std::string_view source);

}  // namespace aisec::catalog::python
