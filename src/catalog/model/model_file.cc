#include "catalog/model/model_file.h"

#include <filesystem>

#include "core/purl.h"
#include "core/strings.h"
#include "formats/git_lfs.h"

namespace aisec::catalog::model {
namespace {

Component Base(Context& ctx, std::string name, std::string_view format, uint64_t size,
               Evidence evidence) {
  Component c;
  c.kind = ComponentKind::kModel;
  c.name = name.empty() ? FileStem(ctx.file().Basename()) : std::move(name);
  c.scope = Scope::kDirect;  // the file is part of the scanned tree
  c.ai = AiInfo{.category = "model"};
  c.properties["aisec:format"] = std::string(format);
  c.properties["aisec:size"] = std::to_string(size);
  c.evidence.push_back(std::move(evidence));
  return c;
}

void AttachDigest(Component& c, const std::string& sha256) {
  c.hashes.push_back(Hash{"SHA-256", sha256});
  Purl p{.type = "generic", .name = c.name, .qualifiers = {{"checksum", "sha256:" + sha256}}};
  c.purl = p.ToString();
}

}  // namespace

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

bool CatalogLfsPointer(Context& ctx, std::string_view format) {
  auto head = ctx.reader().ReadRange(ctx.file(), 0, 1024);
  if (!head.ok() || !formats::LooksLikeLfsPointer(*head)) return false;
  auto pointer = formats::ParseLfsPointer(*head);
  if (!pointer) {
    ctx.sink().Warn(Location{ctx.path()}, "malformed Git LFS pointer", format);
    return true;
  }
  Component c = Base(ctx, {}, format, pointer->size,
                     Evidence{Location{ctx.path()}, "Git LFS pointer", EvidenceMethod::kHeader});
  c.properties["aisec:git-lfs-pointer"] = "true";
  AttachDigest(c, pointer->sha256);
  ctx.sink().Add(std::move(c));
  return true;
}

Component ModelComponent(Context& ctx, const ModelFileInfo& info) {
  Component c = Base(ctx, info.name, info.format, info.size,
                     Evidence{Location{ctx.path()}, Snippet(info.snippet), info.method});
  if (info.size > kDigestLimit) {
    c.properties["aisec:digest"] = "skipped: file larger than the digest limit";
    return c;
  }
  auto digest = ctx.reader().Sha256(ctx.file(), kDigestLimit);
  if (!digest.ok()) {
    ctx.sink().Warn(Location{ctx.path()}, "cannot digest model file: " + digest.error().message,
                    info.format);
    return c;
  }
  AttachDigest(c, *digest);
  return c;
}

}  // namespace aisec::catalog::model
