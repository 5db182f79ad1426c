#include "catalog/model/model_component.h"

#include <filesystem>

#include "core/purl.h"
#include "core/strings.h"
#include "source/file_digest.h"

namespace aisec::catalog::model {

std::string FileStem(std::string_view basename) {
  auto dot = basename.rfind('.');
  if (dot == 0 || dot == std::string_view::npos) return std::string(basename);
  return std::string(basename.substr(0, dot));
}

std::string FolderName(const source::SourceFile& file) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(file.abs_path, ec).lexically_normal();
  return abs.parent_path().filename().string();
}

void SetProperty(Component& c, const std::string& key, std::string value) {
  if (!value.empty()) c.properties[key] = std::move(value);
}

Component ModelComponent(Context& ctx, const ModelFileInfo& info) {
  Component c;
  c.kind = ComponentKind::kModel;
  c.name = info.name.empty() ? FileStem(ctx.file().Basename()) : info.name;
  c.scope = Scope::kDirect;  // the file is part of the scanned tree
  c.properties["aisec:format"] = std::string(info.format);
  c.properties["aisec:size"] = std::to_string(info.size);
  c.evidence.push_back(Evidence{Location{ctx.path()}, Snippet(info.snippet), info.method});
  if (info.size > kDigestLimit) {
    c.properties["aisec:digest"] = "skipped: file larger than the digest limit";
    return c;
  }
  auto digest = source::Sha256File(ctx.reader(), ctx.file());
  if (!digest.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, "cannot digest model file: " + digest.error().message,
                    info.format);
    return c;
  }
  c.hashes.push_back(Hash{"SHA-256", *digest});
  Purl p{.type = "generic", .name = c.name, .qualifiers = {{"checksum", "sha256:" + *digest}}};
  c.purl = p.ToString();
  return c;
}

}  // namespace aisec::catalog::model
