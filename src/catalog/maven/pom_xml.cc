// Maven POM files (https://maven.apache.org/pom.html): direct dependencies with their scope,
// ${property} interpolation from <properties> and the project model, versions taken from
// <dependencyManagement> when a dependency has none, parent inheritance of groupId and version,
// and BOM imports (type pom, scope import). Nothing is fetched: a parent POM or BOM that is not
// this file is not read, so a version that only they define stays unknown.
#include <filesystem>
#include <map>

#include "catalog/maven/expand.h"
#include "catalog/maven/xml.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::maven {
namespace {

constexpr std::string_view kSource = "maven/pom";
constexpr size_t kMaxDependencies = 20000;

// The POM's properties and project model values, expanded where ${name} refers to them.
class Properties {
 public:
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }

  // `complete` is cleared when a reference stays unresolved.
  std::string Expand(std::string_view text, bool* complete) const {
    return ExpandReferences(
        text, {"${", '}'},
        [this](std::string_view name) -> const std::string* {
          auto it = values_.find(name);
          return it == values_.end() ? nullptr : &it->second;
        },
        complete);
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

struct Coordinates {
  std::string group, artifact, version, scope, type, classifier, optional;
  bool complete = true;  // every ${...} was resolved
};

Coordinates ReadCoordinates(pugi::xml_node dep, const Properties& props) {
  Coordinates c;
  bool ok = true;
  auto field = [&](std::string_view name) {
    bool one = true;
    std::string v = props.Expand(ChildText(dep, name), &one);
    ok = ok && one;
    return v;
  };
  c.group = field("groupId");
  c.artifact = field("artifactId");
  c.complete = ok;
  c.version = field("version");
  c.complete = c.complete && ok;
  c.scope = field("scope");
  c.type = field("type");
  c.classifier = field("classifier");
  c.optional = field("optional");
  return c;
}

bool IsExactVersion(std::string_view v) {
  return !v.empty() && v.find_first_of("[](),$") == std::string_view::npos;
}

class PomReader {
 public:
  PomReader(Context& ctx, const XmlDocument& doc) : ctx_(ctx), doc_(doc) {}

  void Read() {
    pugi::xml_node project = doc_.root();
    if (LocalName(project) != "project") {
      ctx_.Warn(doc_.Line(project), "not a Maven POM: root element is not <project>", kSource);
      return;
    }
    LoadProperties(project);
    Component app = ProjectComponent(project);
    app_key_ = app.Key();
    ctx_.sink().Add(std::move(app));
    LoadManagement(Child(project, "dependencyManagement"));
    ReadDependencies(Child(project, "dependencies"), "");
    for (pugi::xml_node profile : Child(project, "profiles").children()) {
      if (LocalName(profile) != "profile") continue;
      ReadDependencies(Child(profile, "dependencies"), ChildText(profile, "id"));
    }
  }

 private:
  void LoadProperties(pugi::xml_node project) {
    pugi::xml_node parent = Child(project, "parent");
    std::string group = ChildText(project, "groupId");
    std::string version = ChildText(project, "version");
    if (group.empty()) group = ChildText(parent, "groupId");
    if (version.empty()) version = ChildText(parent, "version");
    for (std::string_view prefix : {"project.", "pom."}) {
      std::string p(prefix);
      props_.Set(p + "groupId", group);
      props_.Set(p + "artifactId", ChildText(project, "artifactId"));
      props_.Set(p + "version", version);
      props_.Set(p + "parent.groupId", ChildText(parent, "groupId"));
      props_.Set(p + "parent.version", ChildText(parent, "version"));
    }
    for (pugi::xml_node p : Child(project, "properties").children()) {
      if (p.type() == pugi::node_element) props_.Set(p.name(), std::string(Trim(p.child_value())));
    }
  }

  Component ProjectComponent(pugi::xml_node project) {
    std::string group = props_.Expand("${project.groupId}", nullptr);
    std::string artifact = props_.Expand("${project.artifactId}", nullptr);
    bool exact = true;
    std::string version = props_.Expand("${project.version}", &exact);
    Component c{.kind = ComponentKind::kApplication, .ecosystem = "maven"};
    if (artifact.empty()) {
      c.name = std::filesystem::path(ctx_.path()).parent_path().filename().string();
      if (c.name.empty()) c.name = "root";
    } else {
      c.name = group.empty() ? artifact : group + ':' + artifact;
      exact = exact && IsExactVersion(version);
      c.version = exact ? version : "";
      if (!group.empty()) c.purl = MakePurl("maven", c.name, c.version);
    }
    // <licenses><license><name>: every listed licence applies (Maven has no OR).
    for (pugi::xml_node l : Child(project, "licenses").children()) {
      if (c.licenses.size() >= 16) break;
      std::string name = props_.Expand(ChildText(l, "name"), nullptr);
      if (!Trim(name).empty()) c.licenses.push_back(Snippet(Trim(name), 200));
    }
    pugi::xml_node anchor = Child(project, "artifactId") ? Child(project, "artifactId") : project;
    c.evidence.push_back(Evidence{Location{ctx_.path(), doc_.Line(anchor), 0, 0},
                                  doc_.Snippet(anchor), EvidenceMethod::kManifest});
    return c;
  }

  void LoadManagement(pugi::xml_node management) {
    for (pugi::xml_node dep : Child(management, "dependencies").children()) {
      if (LocalName(dep) != "dependency") continue;
      Coordinates c = ReadCoordinates(dep, props_);
      if (c.scope == "import") {
        Emit(dep, c, "", "");
        continue;
      }
      managed_[c.group + ':' + c.artifact] = c;
    }
  }

  void ReadDependencies(pugi::xml_node deps, const std::string& profile) {
    for (pugi::xml_node dep : deps.children()) {
      if (LocalName(dep) != "dependency") continue;
      Coordinates c = ReadCoordinates(dep, props_);
      std::string from;
      if (auto it = managed_.find(c.group + ':' + c.artifact); it != managed_.end()) {
        if (ChildText(dep, "version").empty()) {
          c.version = it->second.version;
          c.complete = c.complete && it->second.complete;
          from = "dependencyManagement";
        }
        if (c.scope.empty()) c.scope = it->second.scope;
      }
      Emit(dep, c, from, profile);
    }
  }

  void Emit(pugi::xml_node dep, const Coordinates& co, const std::string& version_from,
            const std::string& profile) {
    uint32_t line = doc_.Line(dep);
    if (co.group.empty() || co.artifact.empty()) {
      ctx_.Warn(line, "dependency without groupId or artifactId", kSource);
      return;
    }
    if (++count_ > kMaxDependencies) {
      if (count_ == kMaxDependencies + 1) {
        ctx_.Warn(line,
                  "more than " + std::to_string(kMaxDependencies) + " dependencies; rest skipped",
                  kSource);
      }
      return;
    }
    Component c{.name = co.group + ':' + co.artifact, .ecosystem = "maven"};
    if (co.complete && IsExactVersion(co.version)) {
      c.version = co.version;
    } else {
      c.version_spec = co.version;
    }
    c.purl = MakePurl("maven", c.name, c.version);
    c.dev = co.scope == "test";
    if (!co.scope.empty()) c.properties["aisec:maven-scope"] = co.scope;
    if (!co.type.empty() && co.type != "jar") c.properties["aisec:maven-type"] = co.type;
    if (!co.classifier.empty()) c.properties["aisec:maven-classifier"] = co.classifier;
    if (co.optional == "true") c.properties["aisec:optional"] = "true";
    if (!version_from.empty()) c.properties["aisec:version-from"] = version_from;
    if (!profile.empty()) c.properties["aisec:maven-profile"] = profile;
    c.evidence.push_back(
        Evidence{Location{ctx_.path(), line, 0, 0}, doc_.Snippet(dep), EvidenceMethod::kManifest});
    ctx_.sink().Relate(app_key_, c.Key());
    ctx_.sink().Add(std::move(c));
  }

  Context& ctx_;
  const XmlDocument& doc_;
  Properties props_;
  std::map<std::string, Coordinates> managed_;
  std::string app_key_;
  size_t count_ = 0;
};

}  // namespace

void PomXml(Context& ctx) {
  if (auto doc = LoadManifestXml(ctx, kSource)) PomReader(ctx, *doc).Read();
}

}  // namespace aisec::catalog::maven
