// AI services provisioned with Terraform: `resource "TYPE" "NAME" {` blocks whose type is in
// data/iac/terraform-resources.yaml (Bedrock, Azure OpenAI, Vertex AI, SageMaker, …).
#include <re2/re2.h>

#include <algorithm>

#include "catalog/iac/iac_data.h"
#include "catalog/registry_decls.h"
#include "core/glob.h"
#include "core/strings.h"

namespace aisec::catalog::iac {

void Terraform(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) return;
  static const re2::RE2 kResource(R"re((?m)^\s*resource\s+"([A-Za-z0-9_]+)"\s+"([^"]+)")re");
  static const re2::RE2 kKind(R"re((?m)^\s*kind\s*=\s*"([^"]+)")re");
  LineIndex lines(*text);
  re2::StringPiece input(text->data(), text->size());
  std::string type, name;
  while (re2::RE2::FindAndConsume(&input, kResource, &type, &name)) {
    size_t offset = static_cast<size_t>(input.data() - text->data());
    for (const auto& k : TerraformResources()) {
      if (!GlobMatch(k.pattern, type)) continue;
      if (!k.kinds.empty()) {
        // The block's `kind`, looked for up to the next resource.
        size_t next = text->find("\nresource", offset);
        re2::StringPiece block(text->data() + offset, (next == std::string_view::npos ? text->size() : next) - offset);
        std::string kind;
        if (!re2::RE2::PartialMatch(block, kKind, &kind)) break;
        if (std::find(k.kinds.begin(), k.kinds.end(), kind) == k.kinds.end()) break;
      }
      uint32_t line = lines.Line(offset);
      Component c = ServiceComponent(k, Evidence{Location{ctx.path(), line, 0, 0}, Snippet(lines.LineText(line)),
                                                  EvidenceMethod::kConfig});
      c.properties["aisec:terraform:resource"] = type + "." + name;
      c.properties["aisec:service:kind"] = "cloud";
      ctx.sink().Add(std::move(c));
      break;
    }
  }
}

}  // namespace aisec::catalog::iac
