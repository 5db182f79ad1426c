#pragma once
// Careful reading of yaml-cpp nodes for the YAML lock files (yarn berry, pnpm). yaml-cpp throws
// on absent keys and wrong types; the readers go through these helpers, and ReadYamlMapping
// catches whatever is left at the edge and turns it into a warning.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "catalog/cataloger.h"

namespace aisec::catalog::npm {

// The node's text when it is a scalar, else "".
std::string ScalarOf(const YAML::Node& node);
// The child of a mapping, or a null node when `map` is no mapping or has no such key.
YAML::Node ChildNode(const YAML::Node& map, std::string_view key);
// The child's text when it is a scalar, else "".
std::string Child(const YAML::Node& map, std::string_view key);
// 1-based line where the node starts.
uint32_t LineOf(const YAML::Node& node);
// 1-based line of the first invalid UTF-8 sequence, or 0 when the text is valid.
uint32_t FirstInvalidUtf8Line(std::string_view text);
// Parses the file (whose text is `text`) as a YAML mapping and runs `read` on it. Invalid UTF-8, YAML errors, a document
// that is not a mapping and yaml-cpp exceptions thrown while reading become located warnings
// from `source`.
void ReadYamlMapping(Context& ctx, std::string_view text, std::string_view source,
                     const std::function<void(const YAML::Node&)>& read);

}  // namespace aisec::catalog::npm
