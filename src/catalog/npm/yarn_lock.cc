// yarn.lock, classic (https://classic.yarnpkg.com/en/docs/yarn-lock): entries headed by the
// specs they satisfy (`"@scope/a@^1.0.0", a@^1.1.0:`), with version, resolved, integrity and
// dependency blocks indented below. Berry lock files (YAML with __metadata) go to yarn_berry.cc.
#include "catalog/npm/yarn_lock.h"

#include <algorithm>
#include <unordered_map>

#include "catalog/npm/lock_graph.h"
#include "catalog/npm/npm_spec.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

struct ClassicEntry {
  std::vector<std::string> specs;  // "name@range", as in the header
  uint32_t line = 0;
  std::string snippet;
  std::string version, resolved, integrity;
  std::vector<std::pair<std::string, std::string>> deps;  // name, range
};

// A value as yarn writes it: a double-quoted string with backslash escapes, or a bare word.
std::string Unquote(std::string_view s) {
  s = Trim(s);
  if (s.size() < 2 || s.front() != '"') return std::string(s);
  std::string out;
  for (size_t i = 1; i < s.size() && s[i] != '"'; ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i];
  }
  return out;
}

// `key value`, where the key may be quoted.
void SplitKeyValue(std::string_view body, std::string& key, std::string& value) {
  size_t end = 0;
  if (!body.empty() && body[0] == '"') {
    end = body.find('"', 1);
    while (end != std::string_view::npos && body[end - 1] == '\\') end = body.find('"', end + 1);
    end = end == std::string_view::npos ? body.size() : end + 1;
  } else {
    end = std::min(body.find(' '), body.size());
  }
  key = Unquote(body.substr(0, end));
  value = Unquote(body.substr(end));
}

std::vector<std::string> SplitHeader(std::string_view header) {
  std::vector<std::string> specs;
  for (std::string_view part : Split(header, ',')) {
    std::string spec = Unquote(part);
    if (!spec.empty()) specs.push_back(std::move(spec));
  }
  return specs;
}

bool IsDependencyBlock(std::string_view key) {
  return key == "dependencies" || key == "optionalDependencies";
}

class ClassicParser {
 public:
  explicit ClassicParser(Context& ctx) : ctx_(ctx) {}

  std::vector<ClassicEntry> Parse(std::string_view text) {
    uint32_t n = 0;
    for (std::string_view line : SplitLines(text)) {
      ++n;
      if (!IsValidUtf8(line)) {
        ctx_.Warn(n, "invalid UTF-8; line skipped", kYarnSource);
        continue;
      }
      std::string_view body = Trim(line);
      if (body.empty() || body[0] == '#') continue;
      size_t indent = line.find_first_not_of(' ');
      if (indent == 0) {
        Header(body, n);
      } else if (cur_ == nullptr) {
        ctx_.Warn(n, "indented line outside an entry", kYarnSource);
      } else if (indent == 2) {
        Field(body);
      } else if (indent == 4 && in_deps_) {
        std::string name, range;
        SplitKeyValue(body, name, range);
        cur_->deps.emplace_back(std::move(name), std::move(range));
      } else if (indent != 4) {
        ctx_.Warn(n, "unexpected indentation", kYarnSource);
      }
    }
    return std::move(entries_);
  }

 private:
  void Header(std::string_view body, uint32_t n) {
    cur_ = nullptr;
    in_deps_ = false;
    if (!body.ends_with(':')) {
      ctx_.Warn(n, "expected an entry header ending in ':'", kYarnSource);
      return;
    }
    if (entries_.size() >= kMaxLockPackages) {
      if (entries_.size() == kMaxLockPackages) ctx_.Warn(n, "too many entries; the rest are skipped", kYarnSource);
      return;
    }
    ClassicEntry e;
    e.specs = SplitHeader(body.substr(0, body.size() - 1));
    e.line = n;
    e.snippet = Snippet(body);
    entries_.push_back(std::move(e));
    cur_ = &entries_.back();
  }

  void Field(std::string_view body) {
    if (body.ends_with(':')) {
      in_deps_ = IsDependencyBlock(Unquote(body.substr(0, body.size() - 1)));
      return;
    }
    in_deps_ = false;
    std::string key, value;
    SplitKeyValue(body, key, value);
    if (key == "version") cur_->version = std::move(value);
    else if (key == "resolved") cur_->resolved = std::move(value);
    else if (key == "integrity") cur_->integrity = std::move(value);
  }

  Context& ctx_;
  std::vector<ClassicEntry> entries_;
  ClassicEntry* cur_ = nullptr;  // valid until the next push_back, which only Header() does
  bool in_deps_ = false;
};

LockNode MakeClassicNode(const ClassicEntry& e, const std::string& path) {
  LockNode n;
  std::string_view name, range;
  SplitNameAt(e.specs.front(), name, range);
  n.name = std::string(name);
  if (range.starts_with("npm:")) {  // alias: installed as `name`, really another package
    std::string_view real, real_range;
    SplitNameAt(range.substr(4), real, real_range);
    n.properties["aisec:alias"] = n.name;
    n.name = std::string(real);
  }
  n.version = e.version;
  n.evidence = Evidence{Location{path, e.line}, e.snippet, EvidenceMethod::kLockfile};
  n.hashes = IntegrityHashes(e.integrity);
  // Registry URLs end in "#<sha1 of the tarball>".
  if (auto hash = e.resolved.rfind('#'); hash != std::string::npos) {
    std::string_view frag = std::string_view(e.resolved).substr(hash + 1);
    bool hex = frag.size() == 40 && frag.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    bool known = std::any_of(n.hashes.begin(), n.hashes.end(), [](const Hash& h) { return h.algorithm == "SHA-1"; });
    if (hex && !known) n.hashes.push_back(Hash{"SHA-1", std::string(frag)});
  }
  AddResolvedSource(e.resolved, n.properties);
  return n;
}

void ReadClassic(Context& ctx, std::string_view text) {
  std::vector<ClassicEntry> entries = ClassicParser(ctx).Parse(text);
  LockGraph graph;
  std::unordered_map<std::string, uint32_t> by_spec;
  std::vector<uint32_t> nodes(entries.size(), kNoNode);
  for (size_t i = 0; i < entries.size(); ++i) {
    const ClassicEntry& e = entries[i];
    if (e.specs.empty() || e.version.empty()) {
      ctx.Warn(e.line, "entry has no version", kYarnSource);
      continue;
    }
    nodes[i] = graph.Add(MakeClassicNode(e, ctx.path()));
    for (const auto& spec : e.specs) by_spec.emplace(spec, nodes[i]);
  }
  auto resolve = [&](std::string_view name, std::string_view range) {
    auto it = by_spec.find(std::string(name) + '@' + std::string(range));
    return it == by_spec.end() ? kNoNode : it->second;
  };
  for (size_t i = 0; i < entries.size(); ++i) {
    if (nodes[i] == kNoNode) continue;
    for (const auto& [name, range] : entries[i].deps) {
      uint32_t target = resolve(name, range);
      if (target != kNoNode && target != nodes[i]) graph.node(nodes[i]).deps.push_back(target);
    }
  }
  AddLockProject(graph, ctx, resolve);
  graph.Emit(ctx);
}

// Berry lock files are YAML and always carry a top-level __metadata mapping.
bool IsBerry(std::string_view text) {
  return text.starts_with("__metadata:") || Contains(text, "\n__metadata:");
}

}  // namespace

void YarnLock(Context& ctx) {
  auto text = python::LoadText(ctx, kYarnSource);
  if (!text) return;
  if (IsBerry(*text)) {
    ReadYarnBerry(ctx, *text);
  } else {
    ReadClassic(ctx, *text);
  }
}

}  // namespace aisec::catalog::npm
