#pragma once
// `pip install` commands written in shell text: Dockerfile RUN instructions, shell scripts and
// notebook cells (`%pip install`, `!pip install`). Recognised launchers: pip, pip3, pip3.X,
// `<anything> -m pip` (python, python3, {sys.executable}) and `uv pip`. Requirements files
// (-r), constraints, editable installs, local paths and URLs without #egg= are not packages
// named on the line and are skipped.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/cataloger.h"
#include "catalog/python/logical_lines.h"
#include "catalog/python/pep508.h"

namespace aisec::catalog::python {

// A requirement named by a pip install command, with the offset where it is written.
struct PipRequirement {
  Requirement req;
  size_t offset = 0;
};

// Every requirement installed by the pip commands in one (joined) shell command line.
std::vector<PipRequirement> FindPipInstalls(std::string_view command_line);

// Adds a kDirect pypi component (property aisec:declared-by=pip-install, plus `properties`) per
// requirement installed in `line`, located at the physical line where the requirement is written.
void CatalogPipInstalls(Context& ctx, const LogicalLine& line, std::string_view source,
                        const std::map<std::string, std::string>& properties = {});

}  // namespace aisec::catalog::python
