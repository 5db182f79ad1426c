#include "catalog/npm/yaml_util.h"

#include "catalog/python/load.h"
#include "core/strings.h"

namespace aisec::catalog::npm {

std::string ScalarOf(const YAML::Node& node) {
  return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

YAML::Node ChildNode(const YAML::Node& map, std::string_view key) {
  if (!map.IsDefined() || !map.IsMap()) return YAML::Node();
  const YAML::Node child = map[std::string(key)];
  return child.IsDefined() ? child : YAML::Node();
}

std::string Child(const YAML::Node& map, std::string_view key) { return ScalarOf(ChildNode(map, key)); }

uint32_t LineOf(const YAML::Node& node) { return static_cast<uint32_t>(node.Mark().line + 1); }

uint32_t FirstInvalidUtf8Line(std::string_view text) {
  if (IsValidUtf8(text)) return 0;
  uint32_t n = 0;
  for (std::string_view line : SplitLines(text)) {
    ++n;
    if (!IsValidUtf8(line)) return n;
  }
  return n;
}

void ReadYamlMapping(Context& ctx, std::string_view text, std::string_view source,
                     const std::function<void(const YAML::Node&)>& read) {
  if (uint32_t bad = FirstInvalidUtf8Line(text)) {
    ctx.Warn(bad, "invalid UTF-8", source);
    return;
  }
  auto doc = python::LoadYaml(ctx, source);
  if (!doc) return;
  if (!doc->IsMap()) {
    ctx.Warn(1, "not a YAML mapping", source);
    return;
  }
  try {
    read(*doc);
  } catch (const YAML::Exception& e) {
    Location loc{ctx.path(), static_cast<uint32_t>(e.mark.line + 1), 0, 0};
    ctx.sink().Warn(loc, "unexpected YAML structure: " + e.msg, source);
  }
}

}  // namespace aisec::catalog::npm
