#include "aisec/aisec.h"
#include "report/reporter.h"

namespace aisec {

Result<std::string> Render(const ScanResult& result, std::string_view format,
                           const RenderOptions& options) {
  const report::Reporter* r = report::Find(format);
  if (r == nullptr) return Status::Invalid("unknown format '" + std::string(format) + "'");
  return r->render(result, options);
}

std::vector<std::string> ReportFormats() {
  std::vector<std::string> out;
  for (const auto& r : report::Registry()) out.emplace_back(r.name);
  return out;
}

}  // namespace aisec
