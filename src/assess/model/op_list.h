#pragma once
// Lists of standard operator names shipped in data/model/ (tf-standard-ops.yaml,
// coreml-mil-ops.yaml): a `version`, and `ops`, one name a line. An op outside such a list is
// implemented outside the framework (native code the model needs beside it).
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aisec::assess::model {

using OpNames = std::set<std::string, std::less<>>;

// kParse (naming `rel_path`) when there is no version, no op, a duplicate or a non-string entry.
Result<OpNames> LoadOpList(std::string_view yaml, const std::string& rel_path);

// The shipped list data/<rel_path> (aborts when broken; its test prevents that). Callers keep it
// in a function-local static.
OpNames LoadShippedOpList(const std::string& rel_path);

}  // namespace aisec::assess::model
