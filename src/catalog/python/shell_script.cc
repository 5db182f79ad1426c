// Shell scripts (*.sh, *.bash): `pip install` commands, with '\' continuations, && chains and
// comments. Setup scripts are where dependencies are installed without any manifest.
#include "catalog/python/load.h"
#include "catalog/python/logical_lines.h"
#include "catalog/python/pip_install.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::python {

void ShellScript(Context& ctx) {
  constexpr std::string_view kSource = "python/shell-script";
  auto text = LoadText(ctx, kSource);
  if (!text || !Contains(*text, "pip")) return;
  for (const LogicalLine& line : JoinContinuedLines(*text)) CatalogPipInstalls(ctx, line, kSource);
}

}  // namespace aisec::catalog::python
