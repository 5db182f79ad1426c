// Container images of inference servers and AI services in docker-compose files, Kubernetes
// manifests and Helm values: every `image:` value (a string, or a map with repository/tag).
#include <yaml-cpp/yaml.h>

#include "catalog/iac/iac_data.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::catalog::iac {
namespace {

constexpr std::string_view kSource = "iac/container-images";

void Visit(const YAML::Node& node, Context& ctx, int depth) {
  if (depth > 64 || !node.IsDefined()) return;
  if (node.IsMap()) {
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) continue;
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "image") {
        std::string image;
        if (v.IsScalar()) {
          image = v.Scalar();
        } else if (v.IsMap() && v["repository"] && v["repository"].IsScalar()) {
          image = v["repository"].Scalar();
          if (v["tag"] && v["tag"].IsScalar()) image += ":" + v["tag"].Scalar();
        }
        if (!image.empty()) {
          auto [name, tag] = SplitImage(image);
          if (const ServiceKind* k = MatchImage(name)) {
            Location loc{ctx.path(), static_cast<uint32_t>(v.Mark().line + 1),
                         static_cast<uint32_t>(v.Mark().column + 1), 0};
            Component c = ServiceComponent(*k, Evidence{loc, Snippet("image: " + image), EvidenceMethod::kConfig});
            c.properties["aisec:image"] = name;
            if (!tag.empty()) c.properties["aisec:image:tag"] = tag;
            c.properties["aisec:service:kind"] = "local";
            ctx.sink().Add(std::move(c));
          }
        }
      }
      Visit(v, ctx, depth + 1);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) Visit(item, ctx, depth + 1);
  }
}

}  // namespace

bool ClaimsContainerImages(std::string_view rel_path) {
  return rel_path.ends_with(".yml") || rel_path.ends_with(".yaml");
}

void ContainerImages(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) return;  // the config cataloger reports unreadable files
  if (!Contains(*text, "image")) return;
  auto docs = ParseYamlAll(*text, ctx.path());
  if (!docs.ok()) {
    ctx.sink().Warn(docs.error().location, docs.error().message, kSource);
    return;
  }
  for (const auto& doc : *docs) Visit(doc, ctx, 0);
}

}  // namespace aisec::catalog::iac
