#include "catalog/python/pep508.h"

#include <cctype>

#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

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
  if (v.empty() || Contains(v, "*")) return {};
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

std::vector<Requirement> ParsePipInstallArgs(std::string_view args) {
  std::vector<Requirement> out;
  // Shell-like tokens with simple quote handling.
  std::vector<std::string> tokens;
  std::string cur;
  char quote = 0;
  for (char c : args) {
    if (quote) {
      if (c == quote) quote = 0;
      else cur += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ' ' || c == '\t' || c == '\\') {
      if (!cur.empty()) tokens.push_back(std::move(cur)), cur.clear();
    } else if (c == ';' || c == '&' || c == '|' || c == '#' || c == '\n') {
      break;  // end of this command
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  // Options that take a value as the next token.
  static constexpr std::string_view kWithValue[] = {
      "-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url",
      "-f", "--find-links", "-t", "--target", "--prefix", "--root", "-e", "--editable",
      "--trusted-host", "--platform", "--python-version", "--implementation", "--abi",
      "--src", "--upgrade-strategy", "--progress-bar", "--cache-dir", "--log", "--proxy"};
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t.starts_with("-")) {
      for (auto opt : kWithValue) {
        if (t == opt) {
          ++i;
          break;
        }
      }
      continue;
    }
    if (Contains(t, "://") || t.starts_with(".") || t.starts_with("/") || t.starts_with("$") ||
        t.ends_with(".whl") || t.ends_with(".tar.gz") || t.ends_with(".zip")) {
      continue;
    }
    if (auto req = ParseRequirement(t)) out.push_back(std::move(*req));
  }
  return out;
}

}  // namespace aisec::catalog::python
