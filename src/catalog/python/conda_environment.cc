// conda environment files (environment.yml / environment.yaml): `dependencies` lists conda match
// specs — "numpy", "numpy=1.26" (1.26.*), "numpy==1.26.4", "numpy=1.26.4=py311_0" (version and
// build), "numpy 1.26.4 py311_0", "numpy>=1.20,<2", "numpy[version='>=1.20']", each optionally
// prefixed by "channel::" or "channel/subdir::" — and a nested `- pip:` list of pip
// requirements. The interpreter itself (python) is not a dependency.
#include <yaml-cpp/yaml.h>

#include "catalog/python/load.h"
#include "catalog/python/pep508.h"
#include "catalog/python/project.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/conda-environment";

struct MatchSpec {
  std::string channel, subdir, name, version, spec, build;
};

bool IsExactVersion(std::string_view v) {
  return !v.empty() && v.find_first_of("*|,<>=!~ ") == std::string_view::npos;
}

// "version='>=1.0',build=py311*" -> version and build.
void ReadBracket(std::string_view attrs, MatchSpec& m) {
  for (std::string_view kv : Split(attrs, ',')) {
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = Trim(kv.substr(0, eq)), value = Trim(kv.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"'))
      value = value.substr(1, value.size() - 2);
    if (key == "version")
      (IsExactVersion(value) ? m.version : m.spec) = std::string(value);
    else if (key == "build")
      m.build = std::string(value);
  }
}

// Version and build after the name: "=1.26", "==1.26.4=py311_0", ">=2,<3", " 1.26.4 py311_0".
void ReadConstraint(std::string_view rest, MatchSpec& m) {
  rest = Trim(rest);
  if (rest.empty()) return;
  std::string_view version = rest;
  if (auto space = rest.find_first_of(" \t"); space != std::string_view::npos) {
    version = rest.substr(0, space);
    m.build = std::string(Trim(rest.substr(space)));
  } else if (rest.starts_with("=")) {
    size_t start = rest.starts_with("==") ? 2 : 1;
    if (auto eq = rest.find('=', start); eq != std::string_view::npos) {
      m.build = std::string(rest.substr(eq + 1));
      version = rest.substr(0, eq);
    }
  }
  // "==v", "=v" with a build, or a bare "v" (space form) name one version; "=v" alone is v.*.
  std::string_view bare = version;
  if (bare.starts_with("=="))
    bare.remove_prefix(2);
  else if (bare.starts_with("=") && !m.build.empty())
    bare.remove_prefix(1);
  if (IsExactVersion(bare))
    m.version = std::string(bare);
  else
    m.spec = std::string(version);
}

std::optional<MatchSpec> ParseMatchSpec(std::string_view text) {
  MatchSpec m;
  std::string_view s = Trim(text);
  if (auto colons = s.find("::"); colons != std::string_view::npos) {
    std::string_view channel = s.substr(0, colons);
    s = s.substr(colons + 2);
    if (auto slash = channel.rfind('/');
        slash != std::string_view::npos && !Contains(channel, "://")) {
      m.subdir = std::string(channel.substr(slash + 1));
      channel = channel.substr(0, slash);
    }
    m.channel = std::string(channel);
  }
  size_t end = s.find_first_of("=<>!~[ \t");
  m.name = std::string(s.substr(0, end));
  if (m.name.empty() || m.name.find_first_of("/:'\"") != std::string::npos) return std::nullopt;
  if (end == std::string_view::npos) return m;
  std::string_view rest = s.substr(end);
  if (rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    ReadBracket(rest.substr(1, close - 1), m);
  } else {
    ReadConstraint(rest, m);
  }
  return m;
}

Component CondaComponent(const MatchSpec& m, Evidence ev) {
  Component c;
  c.ecosystem = "conda";
  c.name = NormalizePackageName("conda", m.name);
  c.version = m.version;
  c.version_spec = m.spec;
  Purl p{.type = "conda", .name = c.name, .version = c.version};
  if (!m.channel.empty()) p.qualifiers.emplace_back("channel", m.channel);
  if (!m.subdir.empty()) p.qualifiers.emplace_back("subdir", m.subdir);
  if (!m.build.empty() && !m.version.empty()) p.qualifiers.emplace_back("build", m.build);
  c.purl = p.ToString();
  c.scope = Scope::kDirect;
  c.evidence.push_back(std::move(ev));
  return c;
}

class EnvironmentReader {
 public:
  explicit EnvironmentReader(Context& ctx) : ctx_(ctx) {}

  void Read(const YAML::Node& deps) {
    for (const YAML::Node& d : deps) {
      uint32_t line = static_cast<uint32_t>(d.Mark().line + 1);
      if (d.IsMap() && d["pip"]) {
        ReadPip(d["pip"]);
      } else if (d.IsScalar()) {
        ReadConda(d.Scalar(), line);
      } else {
        ctx_.Warn(line, "dependency is neither a match spec nor a pip list", kSource);
      }
    }
  }

  std::vector<Component> Take() { return std::move(deps_); }

 private:
  Evidence At(uint32_t line, std::string_view text) {
    return Evidence{Location{ctx_.path(), line, 0, 0}, Snippet(text), EvidenceMethod::kManifest};
  }

  void ReadConda(const std::string& text, uint32_t line) {
    auto m = ParseMatchSpec(text);
    if (!m) {
      ctx_.Warn(line, "cannot parse conda match spec: " + Snippet(text, 80), kSource);
      return;
    }
    if (IEquals(m->name, "python")) return;
    deps_.push_back(CondaComponent(*m, At(line, text)));
  }

  void ReadPip(const YAML::Node& list) {
    if (!list.IsSequence()) {
      ctx_.Warn(static_cast<uint32_t>(list.Mark().line + 1), "pip: is not a list", kSource);
      return;
    }
    for (const YAML::Node& p : list) {
      uint32_t line = static_cast<uint32_t>(p.Mark().line + 1);
      std::string text = p.IsScalar() ? p.Scalar() : std::string();
      std::optional<Requirement> req;
      if (text.starts_with("-") || Contains(text, "://")) {
        // Options and includes (-r, --index-url) name no package; URLs may carry #egg=.
        std::string egg = EggName(text);
        if (!egg.empty()) req = Requirement{.name = egg, .url = text};
      } else {
        req = ParseRequirement(text);
        if (!req) ctx_.Warn(line, "cannot parse pip requirement: " + Snippet(text, 80), kSource);
      }
      if (req) deps_.push_back(MakePypiComponent(*req, At(line, text), Scope::kDirect));
    }
  }

  Context& ctx_;
  std::vector<Component> deps_;
};

void ReadEnvironment(Context& ctx, const YAML::Node& root) {
  ProjectInfo info{.ecosystem = "conda", .is_package = false};
  if (const YAML::Node name = root["name"]; name && name.IsScalar()) {
    info.name = name.Scalar();
    info.line = static_cast<uint32_t>(name.Mark().line + 1);
  }
  const YAML::Node deps = root["dependencies"];
  if (!deps || deps.IsNull()) return;
  if (!deps.IsSequence()) {
    ctx.Warn(static_cast<uint32_t>(deps.Mark().line + 1), "dependencies: is not a list", kSource);
    return;
  }
  EnvironmentReader reader(ctx);
  reader.Read(deps);
  EmitProject(ctx, info, reader.Take());
}

}  // namespace

void CondaEnvironment(Context& ctx) {
  auto doc = LoadYaml(ctx, kSource);
  if (!doc || !doc->IsMap()) return;  // not an environment file
  // yaml-cpp throws on misuse of a node; the walk above checks node types, and this is the edge
  // that keeps any surprise a warning.
  try {
    ReadEnvironment(ctx, *doc);
  } catch (const YAML::Exception& e) {
    ctx.Warn(static_cast<uint32_t>(e.mark.line + 1), "cannot read environment: " + e.msg, kSource);
  }
}

}  // namespace aisec::catalog::python
