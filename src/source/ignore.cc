#include "source/ignore.h"

#include "core/glob.h"
#include "core/strings.h"

namespace aisec::source {

IgnoreFile ParseIgnoreFile(std::string_view text, std::string base) {
  IgnoreFile file{std::move(base), {}};
  for (std::string_view raw : SplitLines(text)) {
    std::string_view line = raw;
    // Trailing spaces are ignored unless escaped.
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    IgnoreRule rule;
    if (line.front() == '!') {
      rule.negate = true;
      line.remove_prefix(1);
    } else if (line.front() == '\\') {
      line.remove_prefix(1);  // "\#" and "\!" start literal patterns
    }
    if (!line.empty() && line.back() == '/') {
      rule.dir_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    auto slash = line.find('/');
    if (slash != std::string_view::npos) {
      rule.anchored = true;
      if (line.front() == '/') line.remove_prefix(1);
    }
    rule.pattern = std::string(line);
    file.rules.push_back(std::move(rule));
  }
  return file;
}

bool IgnoreStack::Ignored(std::string_view rel_path, bool is_dir) const {
  std::string_view basename = rel_path;
  if (auto s = rel_path.rfind('/'); s != std::string_view::npos) basename = rel_path.substr(s + 1);
  // Deepest file first, last rule first: the first rule that matches decides.
  for (auto f = files_.rbegin(); f != files_.rend(); ++f) {
    std::string_view rel = rel_path;
    if (!f->base.empty()) {
      if (!rel.starts_with(f->base) || rel.size() <= f->base.size() || rel[f->base.size()] != '/') {
        continue;
      }
      rel.remove_prefix(f->base.size() + 1);
    }
    for (auto r = f->rules.rbegin(); r != f->rules.rend(); ++r) {
      if (r->dir_only && !is_dir) continue;
      bool hit = r->anchored ? GlobMatch(r->pattern, rel) : GlobMatch(r->pattern, basename);
      if (hit) return !r->negate;
    }
  }
  return false;
}

}  // namespace aisec::source
