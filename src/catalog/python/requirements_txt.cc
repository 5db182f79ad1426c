// pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/):
// one PEP 508 specifier per line, '\' continuations, '#' comments, per-requirement options
// (--hash), global options, and -r/-c includes that are followed relative to the file.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "catalog/python/logical_lines.h"
#include "catalog/python/pep508.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/requirements";
constexpr int kMaxIncludeDepth = 8;

class Reader {
 public:
  explicit Reader(Context& ctx) : ctx_(ctx) {
    // The scan root, recovered from the file's absolute and relative paths.
    std::filesystem::path abs = ctx.file().abs_path;
    for (auto i = std::count(ctx.path().begin(), ctx.path().end(), '/'); i >= 0; --i) {
      abs = abs.parent_path();
    }
    root_ = abs;
  }

  void ReadFile(const source::SourceFile& file, std::string_view text, int depth) {
    if (!seen_.insert(file.rel_path).second) return;
    for (const auto& ll : JoinContinuedLines(text)) {
      std::string_view line = Trim(ll.text);
      Location loc{file.rel_path, ll.first_line(), 0, 0};
      if (line.starts_with("-r ") || line.starts_with("--requirement") ||
          line.starts_with("-c ") || line.starts_with("--constraint")) {
        bool constraint = line.starts_with("-c") || line.starts_with("--constraint");
        std::string_view target = line.substr(line.find_first_of(" =") + 1);
        Include(file, Trim(target), loc, depth, constraint);
        continue;
      }
      if (line.starts_with("-e ") || line.starts_with("--editable")) {
        std::string_view url = Trim(line.substr(line.find_first_of(" =") + 1));
        std::string name = EggName(url);
        if (!name.empty()) {
          Requirement req{.name = name, .url = std::string(url)};
          Emit(req, loc, line);
        }
        continue;
      }
      if (line.front() == '-') continue;  // global options (--index-url, --hash alone, …)
      // Per-requirement options start at " --".
      std::string_view spec = line;
      std::vector<Hash> hashes;
      if (auto opt = line.find(" --"); opt != std::string_view::npos) {
        spec = line.substr(0, opt);
        for (std::string_view tok : Split(line.substr(opt), ' ')) {
          if (!tok.starts_with("--hash=")) continue;
          if (auto h = ParseHashSpec(tok.substr(7))) hashes.push_back(std::move(*h));
        }
      }
      if (Contains(spec, "://") || spec.starts_with(".") || spec.starts_with("/")) {
        std::string name = EggName(spec);
        if (!name.empty()) Emit(Requirement{.name = name, .url = std::string(spec)}, loc, line);
        continue;
      }
      auto req = ParseRequirement(spec);
      if (!req) {
        ctx_.sink().Warn(loc, "cannot parse requirement: " + Snippet(spec, 80), kSource);
        continue;
      }
      Emit(*req, loc, line, std::move(hashes));
    }
  }

  void Finish() {
    for (auto& c : pending_) {
      if (c.version.empty()) {
        if (auto it = constraints_.find(c.name); it != constraints_.end()) {
          c.version = it->second;
          c.version_spec.clear();
          c.purl = MakePurl("pypi", c.name, c.version);
          c.properties["aisec:pinned-by"] = "constraint";
        }
      }
      ctx_.sink().Add(std::move(c));
    }
  }

 private:
  void Emit(const Requirement& req, const Location& loc, std::string_view line,
            std::vector<Hash> hashes = {}) {
    if (in_constraints_) {
      std::string pin = PinnedVersion(req.specifier);
      if (!pin.empty()) constraints_[NormalizePackageName("pypi", req.name)] = pin;
      return;
    }
    Component c = MakePypiComponent(req, Evidence{loc, Snippet(line), EvidenceMethod::kManifest},
                                    Scope::kDirect);
    c.hashes = std::move(hashes);
    pending_.push_back(std::move(c));
  }

  void Include(const source::SourceFile& from, std::string_view target, const Location& loc,
               int depth, bool constraint) {
    if (depth >= kMaxIncludeDepth) {
      ctx_.sink().Warn(loc, "includes nested deeper than " + std::to_string(kMaxIncludeDepth), kSource);
      return;
    }
    if (Contains(target, "://")) return;  // remote includes are never fetched
    std::filesystem::path rel =
        (std::filesystem::path(from.rel_path).parent_path() / std::string(target)).lexically_normal();
    std::string rel_str = rel.generic_string();
    if (rel.is_absolute() || rel_str.starts_with("..")) {
      ctx_.sink().Warn(loc, "include outside the scanned folder not followed: " + std::string(target), kSource);
      return;
    }
    source::SourceFile inc{rel_str, root_ / rel};
    auto text = ctx_.reader().ReadAll(inc);
    if (!text.ok()) {
      ctx_.sink().Warn(loc, "cannot read include " + rel_str + ": " + text.error().message, kSource);
      return;
    }
    bool saved = in_constraints_;
    in_constraints_ = in_constraints_ || constraint;
    ReadFile(inc, *text, depth + 1);
    in_constraints_ = saved;
  }

  Context& ctx_;
  std::filesystem::path root_;
  std::set<std::string> seen_;
  std::vector<Component> pending_;
  std::map<std::string, std::string> constraints_;
  bool in_constraints_ = false;
};

}  // namespace

void RequirementsTxt(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, kSource);
    return;
  }
  Reader reader(ctx);
  bool constraints_file = ctx.file().Basename().starts_with("constraints");
  if (constraints_file) return;  // a constraints file alone declares nothing
  reader.ReadFile(ctx.file(), *text, 0);
  reader.Finish();
}

}  // namespace aisec::catalog::python
