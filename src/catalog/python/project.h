#pragma once
// The project a Python manifest describes, as a kApplication component with depends-on relations
// to the direct dependencies the manifest declares. A project named by its manifest
// ([project].name, [tool.poetry].name, setup.cfg [metadata] name, a conda environment's name)
// is identified by its pypi purl, so pyproject.toml and uv.lock name the same component; an
// unnamed one (Pipfile) is named after its folder, relative to the scan root.
#include <cstdint>
#include <string>
#include <vector>

#include "catalog/cataloger.h"

namespace aisec::catalog::python {

struct ProjectInfo {
  std::string name;     // empty: named after the manifest's folder
  std::string version;  // exact version when the manifest gives one
  uint32_t line = 0;    // where the name is written
  std::string ecosystem = "pypi";
  bool is_package = true;  // the name is a package name, so the component gets a purl
  std::vector<std::string> licenses;  // as the manifest declares them (SPDX expression or name)
};

// The application component for `info`, with evidence in the context's file.
Component MakeProjectComponent(const Context& ctx, const ProjectInfo& info);

// Adds the project component, every dependency, and a depends-on relation from the project to
// each dependency. Nothing when the project is unnamed and has no dependencies.
void EmitProject(Context& ctx, const ProjectInfo& info, std::vector<Component> deps);

}  // namespace aisec::catalog::python
