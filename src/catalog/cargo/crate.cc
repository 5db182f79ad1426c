#include "catalog/cargo/crate.h"

#include "catalog/python/project.h"
#include "core/purl.h"

namespace aisec::catalog::cargo {

Component MakeCrate(std::string_view name, std::string_view version, std::string_view version_spec,
                    Evidence evidence, Scope scope) {
  Component c;
  c.ecosystem = std::string(kEcosystem);
  c.name = std::string(name);
  c.version = std::string(version);
  if (c.version.empty()) c.version_spec = std::string(version_spec);
  c.purl = MakePurl(kEcosystem, c.name, c.version);
  c.scope = scope;
  c.evidence.push_back(std::move(evidence));
  return c;
}

Component MakeCargoProject(const Context& ctx, const std::string& name, const std::string& version,
                           Evidence evidence) {
  Component c = python::MakeProjectComponent(
      ctx, python::ProjectInfo{.name = name, .version = version, .line = evidence.location.line,
                               .ecosystem = std::string(kEcosystem)});
  c.evidence = {std::move(evidence)};
  return c;
}

void AddSourceProperties(std::string_view source, std::map<std::string, std::string>& properties) {
  constexpr std::string_view kCratesIo[] = {"registry+https://github.com/rust-lang/crates.io-index",
                                            "sparse+https://index.crates.io/"};
  for (std::string_view known : kCratesIo) {
    if (source == known) return;
  }
  if (source.starts_with("git+")) {
    properties["aisec:source"] = "git";
    properties["aisec:url"] = std::string(source.substr(4));
  } else if (source.starts_with("registry+") || source.starts_with("sparse+")) {
    properties["aisec:registry"] = std::string(source.substr(source.find('+') + 1));
  } else if (source.starts_with("path+")) {
    properties["aisec:source"] = "path";
    properties["aisec:path"] = std::string(source.substr(5));
  }
}

}  // namespace aisec::catalog::cargo
