#include "assess/model/op_list.h"

#include <yaml-cpp/yaml.h>

#include "core/data.h"
#include "core/parse.h"

namespace aisec::assess::model {

Result<OpNames> LoadOpList(std::string_view yaml, const std::string& rel_path) {
  auto doc = ParseYaml(yaml, rel_path);
  if (!doc.ok()) return doc.error();
  auto fail = [&](const std::string& what) { return Status::Parse(rel_path + ": " + what); };
  OpNames ops;
  try {
    if (!(*doc)["version"]) return fail("no version");
    for (const auto& row : (*doc)["ops"]) {
      if (!row.IsScalar()) return fail("an op is not a name");
      std::string op = row.as<std::string>();
      if (!ops.insert(op).second) return fail("duplicate op " + op);
    }
  } catch (const YAML::Exception& e) {
    return fail(e.what());
  }
  if (ops.empty()) return fail("no ops");
  return ops;
}

OpNames LoadShippedOpList(const std::string& rel_path) {
  return LoadShippedData(rel_path, [&](std::string_view text) { return LoadOpList(text, rel_path); });
}

}  // namespace aisec::assess::model
