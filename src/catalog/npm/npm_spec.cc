#include "catalog/npm/npm_spec.h"

#include <array>
#include <cctype>

#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::npm {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; }

// A dist-tag ("latest", "next", "beta") rather than a range: letters first, no range syntax.
bool IsTag(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  if (s == "x" || s == "X") return false;
  if ((s[0] == 'v' || s[0] == 'V') && s.size() > 1 && IsDigit(s[1])) return false;
  for (char c : s) {
    if (!IsIdentChar(c) && c != '_') return false;
  }
  return true;
}

bool IsGitSpec(std::string_view s) {
  for (std::string_view p : {"git+", "git://", "github:", "gitlab:", "bitbucket:", "gist:"}) {
    if (s.starts_with(p)) return true;
  }
  if ((s.starts_with("http://") || s.starts_with("https://")) &&
      (s.ends_with(".git") || Contains(s, ".git#"))) {
    return true;
  }
  // GitHub shorthand "user/repo" or "user/repo#ref".
  auto slash = s.find('/');
  return slash != std::string_view::npos && slash > 0 && s[0] != '@' && s[0] != '.' &&
         s.find_first_of(" :<>=^~|") == std::string_view::npos;
}

bool IsPathSpec(std::string_view s) {
  return s == "." || s == ".." || s.starts_with("./") || s.starts_with("../") ||
         s.starts_with("~/") || s.starts_with("/");
}

}  // namespace

bool IsExactVersion(std::string_view v) {
  if (!v.empty() && (v[0] == '=' || v[0] == 'v')) v.remove_prefix(1);
  size_t i = 0;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) {
      if (i >= v.size() || v[i] != '.') return false;
      ++i;
    }
    size_t start = i;
    while (i < v.size() && IsDigit(v[i])) ++i;
    if (i == start) return false;
  }
  if (i < v.size() && v[i] == '-') {
    size_t start = ++i;
    while (i < v.size() && IsIdentChar(v[i])) ++i;
    if (i == start) return false;
  }
  if (i < v.size() && v[i] == '+') {
    size_t start = ++i;
    while (i < v.size() && IsIdentChar(v[i])) ++i;
    if (i == start) return false;
  }
  return i == v.size();
}

std::string_view BareVersion(std::string_view v) {
  if (!v.empty() && (v[0] == '=' || v[0] == 'v')) v.remove_prefix(1);
  return v;
}

void SplitNameAt(std::string_view text, std::string_view& name, std::string_view& range) {
  size_t at = text.find('@', 1);
  if (at == std::string_view::npos) {
    name = text;
    range = {};
    return;
  }
  name = text.substr(0, at);
  range = text.substr(at + 1);
}

Spec ParseSpec(std::string_view key, std::string_view spec) {
  std::string_view s = Trim(spec);
  Spec out;
  out.name = std::string(key);
  if (s.starts_with("npm:")) {
    std::string_view real, range;
    SplitNameAt(s.substr(4), real, range);
    if (!real.empty()) {
      out = ParseSpec(real, range);
      if (real != key) out.properties["aisec:alias"] = std::string(key);
      return out;
    }
  }
  auto set = [&](std::string_view source, std::string_view prop, std::string_view value) {
    out.properties["aisec:source"] = std::string(source);
    out.properties[std::string(prop)] = std::string(value);
  };
  if (s.starts_with("workspace:")) {
    set("workspace", "aisec:spec", s);
  } else if (s.starts_with("link:") || s.starts_with("portal:")) {
    set("link", "aisec:path", s.substr(s.find(':') + 1));
  } else if (s.starts_with("file:")) {
    set("file", "aisec:path", s.substr(5));
  } else if (IsPathSpec(s)) {
    set("file", "aisec:path", s);
  } else if (IsGitSpec(s)) {
    set("git", "aisec:url", s);
  } else if (s.starts_with("http://") || s.starts_with("https://")) {
    set("url", "aisec:url", s);
  } else if (IsExactVersion(s)) {
    out.version = std::string(BareVersion(s));
  } else if (IsTag(s)) {
    set("tag", "aisec:spec", s);
  } else {
    out.version_spec = s.empty() ? "*" : std::string(s);
  }
  return out;
}

void AddResolvedSource(std::string_view resolved, std::map<std::string, std::string>& properties) {
  if (resolved.starts_with("git+") || resolved.starts_with("git:") || resolved.starts_with("github:")) {
    properties["aisec:source"] = "git";
    properties["aisec:url"] = std::string(resolved);
  } else if (resolved.starts_with("file:") || resolved.starts_with("link:")) {
    properties["aisec:source"] = std::string(resolved.substr(0, 4));
    properties["aisec:path"] = std::string(resolved.substr(5));
  }
}

std::string Base64ToHex(std::string_view b64) {
  static constexpr auto kValues = [] {
    std::array<int8_t, 256> t{};
    t.fill(-1);
    constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < kAlphabet.size(); ++i) t[static_cast<uint8_t>(kAlphabet[i])] = static_cast<int8_t>(i);
    return t;
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  while (!b64.empty() && b64.back() == '=') b64.remove_suffix(1);
  if (b64.empty() || b64.size() % 4 == 1) return {};
  std::string hex(b64.size() * 6 / 8 * 2, '\0');
  size_t out = 0;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : b64) {
    int v = kValues[static_cast<uint8_t>(c)];
    if (v < 0) return {};
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      uint32_t byte = (acc >> bits) & 0xff;
      hex[out++] = kHex[byte >> 4];
      hex[out++] = kHex[byte & 15];
    }
  }
  hex.resize(out);
  return hex;
}

std::vector<Hash> IntegrityHashes(std::string_view ssri) {
  struct Algorithm {
    std::string_view prefix, name;
    size_t bytes;
  };
  static constexpr Algorithm kAlgorithms[] = {
      {"sha512-", "SHA-512", 64}, {"sha384-", "SHA-384", 48}, {"sha256-", "SHA-256", 32},
      {"sha1-", "SHA-1", 20}};
  std::vector<Hash> out;
  for (std::string_view token : Split(ssri, ' ')) {
    token = Trim(token);
    token = token.substr(0, token.find('?'));  // SSRI options
    for (const auto& alg : kAlgorithms) {
      if (!token.starts_with(alg.prefix)) continue;
      std::string hex = Base64ToHex(token.substr(alg.prefix.size()));
      if (hex.size() == alg.bytes * 2) out.push_back(Hash{std::string(alg.name), std::move(hex)});
    }
  }
  return out;
}

Component MakeNpmComponent(std::string_view name, std::string_view version,
                           std::string_view version_spec, Evidence evidence, Scope scope) {
  Component c;
  c.kind = ComponentKind::kLibrary;
  c.ecosystem = std::string(kEcosystem);
  c.name = std::string(name);
  c.version = std::string(version);
  if (c.version.empty()) c.version_spec = std::string(version_spec);
  c.purl = MakePurl(kEcosystem, c.name, c.version);
  c.scope = scope;
  c.evidence.push_back(std::move(evidence));
  return c;
}

void DropPurlWhenLocal(Component& c) {
  auto it = c.properties.find("aisec:source");
  if (it == c.properties.end()) return;
  if (it->second == "workspace" || it->second == "link" || it->second == "file") c.purl.clear();
}

}  // namespace aisec::catalog::npm
