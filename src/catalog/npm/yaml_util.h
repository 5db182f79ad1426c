#pragma once
// Careful reading of yaml-cpp nodes for the YAML lock files (yarn berry, pnpm). yaml-cpp throws
// on absent keys and wrong types; the readers go through these helpers, and WalkYaml catches
// whatever is left at the edge and turns it into a warning.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "catalog/cataloger.h"
#include "core/parse.h"

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
// Runs `read`, turning a yaml-cpp exception into a warning for the file.
void WalkYaml(Context& ctx, std::string_view source, const std::function<void()>& read);

}  // namespace aisec::catalog::npm
