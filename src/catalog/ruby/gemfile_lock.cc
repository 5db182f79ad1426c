// Bundler lock files (Gemfile.lock): GEM, GIT and PATH sections list every resolved gem with its
// version (and platform, "nokogiri (1.16.2-x86_64-linux)") and its own requirements, which become
// depends-on relations; DEPENDENCIES lists what the Gemfile asked for (direct, "name!" when from
// a GIT or PATH source); CHECKSUMS (Bundler 2.5+) gives SHA-256 digests; PLATFORMS, RUBY VERSION
// and BUNDLED WITH describe the bundle. The format is indentation-based: sections at column 0,
// source attributes at 2, specs at 4, a spec's requirements at 6.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "catalog/gradle/manifest_files.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::ruby {
namespace {

constexpr std::string_view kSource = "ruby/gemfile-lock";
constexpr size_t kMaxSpecs = 50000;

struct Spec {
  std::string name, version, platform;
  uint32_t line = 0;
  std::string section;                        // GEM, GIT, PATH
  std::map<std::string, std::string> source;  // remote, revision, branch, ...
  std::vector<std::string> requires_;
  Component* component = nullptr;
};

// "name (version)" or "name" -> {name, version}; `ok` false when the shape is wrong.
std::pair<std::string_view, std::string_view> NameAndParen(std::string_view s, bool& ok) {
  s = Trim(s);
  auto open = s.find(" (");
  if (open == std::string_view::npos) {
    ok = !s.empty() && s.find_first_of(" ()") == std::string_view::npos;
    return {s, {}};
  }
  ok = s.back() == ')';
  return {s.substr(0, open), s.substr(open + 2, s.size() - open - 3)};
}

// Section headers are upper-case words: "GEM", "PLUGIN SOURCE", "BUNDLED WITH".
bool IsSectionName(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' '; });
}

size_t Indent(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

class LockReader {
 public:
  LockReader(Context& ctx, std::string_view text) : ctx_(ctx), lines_(SplitLines(text)) {}

  void Read() {
    std::string section;
    std::map<std::string, std::string> source;
    for (uint32_t n = 1; n <= lines_.size(); ++n) {
      std::string_view line = lines_[n - 1];
      if (Trim(line).empty()) continue;
      if (line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") ||
          line.starts_with("=======")) {
        Warn(n, "merge conflict marker");
        continue;
      }
      size_t indent = Indent(line);
      std::string_view body = Trim(line);
      if (indent == 0 && !IsSectionName(body)) {
        Warn(n, "unexpected line: " + Snippet(body, 80));
      } else if (indent == 0) {
        section = std::string(body);
        source.clear();
        has_dependencies_ = has_dependencies_ || section == "DEPENDENCIES";
      } else if (section == "GEM" || section == "GIT" || section == "PATH") {
        SourceLine(section, source, indent, body, n);
      } else if (section == "DEPENDENCIES" && indent == 2) {
        bool ok = true;
        auto [name, constraint] = NameAndParen(body, ok);
        if (!ok) Warn(n, "cannot read dependency: " + Snippet(body, 80));
        std::string key(name);
        if (key.ends_with('!')) key.pop_back();  // pinned to a GIT or PATH source
        direct_[key] = n;
      } else if (section == "PLATFORMS" && indent == 2) {
        platforms_.insert(std::string(body));
      } else if (section == "CHECKSUMS" && indent == 2) {
        Checksum(body);
      } else if (section == "BUNDLED WITH") {
        bundler_ = std::string(body);
      } else if (section == "RUBY VERSION") {
        ruby_ = std::string(body);
      }
    }
    if (!has_dependencies_) {
      Warn(static_cast<uint32_t>(lines_.size()), "no DEPENDENCIES section: truncated lock file?");
    }
  }

  void Emit() {
    Component app{.kind = ComponentKind::kApplication, .ecosystem = "gem"};
    app.name = std::filesystem::path(ctx_.file().abs_path).parent_path().filename().string();
    if (!bundler_.empty()) app.properties["aisec:bundler-version"] = bundler_;
    if (!ruby_.empty()) app.properties["aisec:ruby-version"] = ruby_;
    if (!platforms_.empty()) {
      app.properties["aisec:gem-platforms"] =
          Join(std::vector<std::string>(platforms_.begin(), platforms_.end()), ",");
    }
    app.evidence.push_back(Evidence{Location{ctx_.path(), 1, 0, 0}, "", EvidenceMethod::kLockfile});
    std::string app_key = app.Key();
    std::vector<Component> out;
    out.reserve(specs_.size());
    std::map<std::string, std::string> key_of;  // gem name -> first component key
    for (Spec& s : specs_) {
      out.push_back(MakeComponent(s));
      key_of.emplace(s.name, out.back().Key());
    }
    for (size_t i = 0; i < specs_.size(); ++i) {
      for (const std::string& r : specs_[i].requires_) {
        if (auto it = key_of.find(r); it != key_of.end())
          ctx_.sink().Relate(out[i].Key(), it->second);
      }
    }
    for (const auto& [name, line] : direct_) {
      if (auto it = key_of.find(name); it != key_of.end()) ctx_.sink().Relate(app_key, it->second);
    }
    ctx_.sink().Add(std::move(app));
    for (Component& c : out) ctx_.sink().Add(std::move(c));
  }

 private:
  void Warn(uint32_t line, std::string message) { ctx_.Warn(line, std::move(message), kSource); }

  void SourceLine(const std::string& section, std::map<std::string, std::string>& source,
                  size_t indent, std::string_view body, uint32_t n) {
    if (indent == 2) {
      auto colon = body.find(':');
      if (colon != std::string_view::npos && body != "specs:") {
        source[std::string(body.substr(0, colon))] = std::string(Trim(body.substr(colon + 1)));
      }
      return;
    }
    bool ok = true;
    auto [name, paren] = NameAndParen(body, ok);
    if (indent == 4 && ok && !paren.empty()) {
      if (specs_.size() >= kMaxSpecs) {
        if (!overflow_) Warn(n, "more than " + std::to_string(kMaxSpecs) + " specs; rest skipped");
        overflow_ = true;
        return;
      }
      specs_.push_back(Spec{.name = std::string(name),
                            .version = std::string(paren),
                            .line = n,
                            .section = section,
                            .source = source});
    } else if (indent == 6 && ok && !specs_.empty() && !overflow_) {
      specs_.back().requires_.emplace_back(name);
    } else if (!ok || indent == 4) {
      Warn(n, "cannot read spec line: " + Snippet(body, 80));
    }
  }

  // "name (version[-platform]) sha256=hex"
  void Checksum(std::string_view body) {
    auto eq = body.rfind(" sha256=");
    if (eq == std::string_view::npos) return;
    checksums_[std::string(Trim(body.substr(0, eq)))] = std::string(body.substr(eq + 8));
  }

  Component MakeComponent(Spec& s) {
    // The platform is the version's suffix that names one of the bundle's PLATFORMS.
    for (const std::string& p : platforms_) {
      if (s.version.size() > p.size() + 1 && s.version.ends_with("-" + p)) {
        s.platform = p;
        s.version.resize(s.version.size() - p.size() - 1);
        break;
      }
    }
    Component c{.name = s.name,
                .version = s.version,
                .ecosystem = "gem",
                .scope = direct_.count(s.name) ? Scope::kDirect : Scope::kTransitive};
    c.purl = MakePurl("gem", c.name, c.version);
    if (!s.platform.empty()) c.properties["aisec:gem-platform"] = s.platform;
    if (s.section == "GIT") {
      c.properties["aisec:gem-git"] = s.source["remote"];
      if (!s.source["revision"].empty())
        c.properties["aisec:gem-git-revision"] = s.source["revision"];
    } else if (s.section == "PATH") {
      c.properties["aisec:gem-path"] = s.source["remote"];
    }
    std::string full =
        s.name + " (" + s.version + (s.platform.empty() ? "" : "-" + s.platform) + ")";
    if (auto it = checksums_.find(full); it != checksums_.end())
      c.hashes.push_back(Hash{"SHA-256", it->second});
    c.evidence.push_back(Evidence{Location{ctx_.path(), s.line, 0, 0}, Snippet(lines_[s.line - 1]),
                                  EvidenceMethod::kLockfile});
    return c;
  }

  Context& ctx_;
  std::vector<std::string_view> lines_;
  std::vector<Spec> specs_;
  std::map<std::string, uint32_t> direct_;
  std::set<std::string> platforms_;
  std::map<std::string, std::string> checksums_;
  std::string bundler_, ruby_;
  bool overflow_ = false;
  bool has_dependencies_ = false;
};

}  // namespace

void GemfileLock(Context& ctx) {
  auto text = ManifestText(ctx, kSource, true);
  if (!text) return;
  LockReader reader(ctx, *text);
  reader.Read();
  reader.Emit();
}

}  // namespace aisec::catalog::ruby
