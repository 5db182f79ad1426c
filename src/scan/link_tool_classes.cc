// An agent that is handed a tool class (`.tools(new WeatherTools())`, Rust `.tool(Adder)`, Ruby
// `tools: [WeatherTool.new]`) relates to that class by name; the tools are the methods or
// functions the class defines (aisec:tool:class), often in another file.
#include <map>

#include "scan/merge.h"

namespace aisec::scan {

void LinkToolClasses(const std::vector<Component>& components, std::vector<Relation>& relations) {
  std::map<std::string, std::vector<std::string>> tools_of_class;  // "tool:X" -> tool keys
  std::map<std::string, bool> is_component;
  for (const auto& c : components) {
    is_component[c.Key()] = true;
    if (c.kind != ComponentKind::kTool) continue;
    if (auto it = c.properties.find("aisec:tool:class"); it != c.properties.end()) {
      Component owner;
      owner.kind = ComponentKind::kTool;
      owner.name = it->second;
      tools_of_class[owner.Key()].push_back(c.Key());
    }
  }
  if (tools_of_class.empty()) return;
  std::vector<Relation> added;
  for (const auto& r : relations) {
    if (is_component.count(r.to)) continue;
    auto it = tools_of_class.find(r.to);
    if (it == tools_of_class.end()) continue;
    for (const auto& tool : it->second) added.push_back(Relation{r.from, tool, r.kind});
  }
  relations.insert(relations.end(), added.begin(), added.end());
}

}  // namespace aisec::scan
