// Installed Python packages: the core metadata file of a wheel installation
// (<name>-<version>.dist-info/METADATA) or of an sdist / egg (PKG-INFO, <name>.egg-info/PKG-INFO).
// The format is a list of email-style headers ("Key: value", continuation lines start with
// white space) ended by a blank line; the description that follows is not read.
// Each file is one installed package: a library with its exact version and its licence, from
// License-Expression (PEP 639), else License, else the "License ::" trove classifiers.
#include "assess/license/expression.h"
#include "catalog/python/load.h"
#include "catalog/registry_decls.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

constexpr std::string_view kSource = "python/dist-metadata";
constexpr size_t kMaxHeaders = 4096;

struct Header {
  std::string_view key;
  std::string value;
  uint32_t line = 0;
};

std::vector<Header> ReadHeaders(std::string_view text) {
  std::vector<Header> out;
  uint32_t line_no = 0;
  for (std::string_view line : SplitLines(text)) {
    ++line_no;
    if (Trim(line).empty()) break;  // end of the headers
    if (line.front() == ' ' || line.front() == '\t') {
      // A continuation of the previous value (a multi-line License text).
      if (!out.empty() && out.back().value.size() < 4096) out.back().value += " " + std::string(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || out.size() >= kMaxHeaders) continue;
    out.push_back(Header{Trim(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1))), line_no});
  }
  return out;
}

// "License :: OSI Approved :: MIT License" -> "MIT" through the licence alias table
// (data/licenses/aliases.yaml); a name it does not know is kept as written.
std::string ClassifierLicence(std::string_view classifier) {
  if (!classifier.starts_with("License ::")) return {};
  size_t last = classifier.rfind("::");
  std::string_view name = Trim(classifier.substr(last + 2));
  if (name == "OSI Approved" || name == "Other/Proprietary License" || name.empty()) {
    return name == "Other/Proprietary License" ? "LicenseRef-proprietary" : "";
  }
  std::string id = assess::license::NormalizeLicenseId(name);
  return id.empty() ? std::string(name) : id;
}

}  // namespace

bool ClaimsDistMetadata(std::string_view rel_path) {
  std::string_view base = rel_path.substr(rel_path.rfind('/') + 1);
  if (base == "PKG-INFO") return true;
  if (base != "METADATA") return false;
  std::string_view dir = rel_path.substr(0, rel_path.size() - base.size());
  return dir.ends_with(".dist-info/");
}

void DistMetadata(Context& ctx) {
  auto text = LoadText(ctx, kSource);
  if (!text) return;
  Header name, version;
  std::string expression, license;
  std::vector<std::string> classifiers;
  for (auto& h : ReadHeaders(*text)) {
    if (IEquals(h.key, "Name") && name.value.empty()) name = h;
    else if (IEquals(h.key, "Version") && version.value.empty()) version = h;
    else if (IEquals(h.key, "License-Expression")) expression = h.value;
    else if (IEquals(h.key, "License")) license = h.value;
    else if (IEquals(h.key, "Classifier")) {
      if (std::string l = ClassifierLicence(h.value); !l.empty()) classifiers.push_back(l);
    }
  }
  if (name.value.empty()) {
    ctx.Warn(1, "package metadata without a Name header", kSource);
    return;
  }
  Component c{.kind = ComponentKind::kLibrary, .ecosystem = "pypi"};
  c.name = NormalizePackageName("pypi", name.value);
  c.version = version.value;
  c.purl = MakePurl("pypi", c.name, c.version);
  c.scope = Scope::kTransitive;  // installed, not declared by a manifest we read
  // "UNKNOWN" is what old setuptools wrote for no licence at all.
  if (!Trim(expression).empty()) {
    c.licenses.push_back(Snippet(expression, 200));
  } else if (!Trim(license).empty() && !IEquals(Trim(license), "UNKNOWN")) {
    c.licenses.push_back(Snippet(license, 200));
  } else if (!classifiers.empty()) {
    // Several licence classifiers mean a choice, as PEP 639 reads them.
    c.licenses.push_back(Join(classifiers, " OR "));
  }
  c.evidence.push_back(Evidence{Location{ctx.path(), name.line, 0, 0}, "Name: " + Snippet(name.value, 80),
                                EvidenceMethod::kManifest});
  ctx.sink().Add(std::move(c));
}

}  // namespace aisec::catalog::python
