#include "catalog/python/pep508.h"

#include <cctype>
#include <utility>

#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

// Hash algorithms as pip and lock files spell them, and as CycloneDX does.
constexpr std::pair<std::string_view, std::string_view> kHashNames[] = {
    {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"},
    {"sha1", "SHA-1"},     {"md5", "MD5"},
};

std::string StripSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

}  // namespace

std::optional<Requirement> ParseRequirement(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty() || !std::isalnum(static_cast<unsigned char>(s.front()))) return std::nullopt;
  size_t i = 0;
  while (i < s.size() && IsNameChar(s[i])) ++i;
  Requirement req;
  req.name = std::string(s.substr(0, i));
  // PEP 508 names end with a letter or digit.
  if (!std::isalnum(static_cast<unsigned char>(req.name.back()))) return std::nullopt;
  std::string_view rest = TrimLeft(s.substr(i));
  if (!rest.empty() && rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    for (std::string_view e : Split(rest.substr(1, close - 1), ',')) {
      e = Trim(e);
      if (!e.empty()) req.extras.emplace_back(e);
    }
    rest = TrimLeft(rest.substr(close + 1));
  }
  std::string_view spec = rest;
  if (auto semi = rest.find(';'); semi != std::string_view::npos) {
    req.marker = std::string(Trim(rest.substr(semi + 1)));
    spec = rest.substr(0, semi);
  }
  spec = Trim(spec);
  if (!spec.empty() && spec.front() == '@') {
    req.url = std::string(Trim(spec.substr(1)));
    return req;
  }
  if (!spec.empty() && spec.front() == '(' && spec.back() == ')') spec = spec.substr(1, spec.size() - 2);
  if (!spec.empty()) {
    char c = spec.front();
    if (c != '=' && c != '<' && c != '>' && c != '!' && c != '~') return std::nullopt;
    req.specifier = StripSpaces(spec);
  }
  return req;
}

std::string PinnedVersion(std::string_view specifier) {
  if (Contains(specifier, ",")) return {};
  std::string_view v;
  if (specifier.starts_with("===")) v = specifier.substr(3);
  else if (specifier.starts_with("==")) v = specifier.substr(2);
  else return {};
  // A wildcard or an unexpanded variable ("==${TORCH_VERSION}") is not one version.
  if (v.empty() || v.find_first_of("*${}") != std::string_view::npos) return {};
  return std::string(v);
}

Component MakePypiComponent(const Requirement& req, Evidence evidence, Scope scope) {
  Component c;
  c.kind = ComponentKind::kLibrary;
  c.ecosystem = "pypi";
  c.name = NormalizePackageName("pypi", req.name);
  c.version = PinnedVersion(req.specifier);
  if (c.version.empty()) c.version_spec = req.specifier;
  c.purl = MakePurl("pypi", c.name, c.version);
  c.scope = scope;
  if (!req.extras.empty()) c.properties["aisec:extras"] = Join(req.extras, ",");
  if (!req.marker.empty()) c.properties["aisec:marker"] = req.marker;
  if (!req.url.empty()) c.properties["aisec:url"] = req.url;
  c.evidence.push_back(std::move(evidence));
  return c;
}

std::string EggName(std::string_view url) {
  auto egg = url.find("#egg=");
  if (egg == std::string_view::npos) egg = url.find("&egg=");
  if (egg == std::string_view::npos) return {};
  std::string_view name = url.substr(egg + 5);
  return std::string(name.substr(0, name.find_first_of("[&#")));
}

std::optional<Hash> ParseHashSpec(std::string_view text) {
  text = Trim(text);
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return std::nullopt;
  }
  std::string alg = ToLower(text.substr(0, colon));
  for (auto [pip_name, bom_name] : kHashNames) {
    if (alg == pip_name) alg = bom_name;
  }
  return Hash{alg, ToLower(text.substr(colon + 1))};
}

}  // namespace aisec::catalog::python
