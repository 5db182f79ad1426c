#include "core/purl.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace aisec {
namespace {

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string PercentEncode(std::string_view s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (IsUnreserved(c) || (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string NormalizePackageName(std::string_view type, std::string_view name) {
  if (type == "pypi") {
    // PEP 503: lower case, runs of '-', '_' and '.' become one '-'.
    std::string out;
    out.reserve(name.size());
    bool in_sep = false;
    for (char c : name) {
      if (c == '-' || c == '_' || c == '.') {
        if (!in_sep) out += '-';
        in_sep = true;
      } else {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        in_sep = false;
      }
    }
    return out;
  }
  if (type == "npm" || type == "composer" || type == "nuget" || type == "conda") {
    return ToLower(name);
  }
  return std::string(name);
}

std::string Purl::ToString() const {
  std::string out = "pkg:" + type + '/';
  if (!ns.empty()) {
    for (std::string_view seg : Split(ns, '/')) {
      if (seg.empty()) continue;
      out += PercentEncode(seg);
      out += '/';
    }
  }
  out += PercentEncode(name);
  if (!version.empty()) out += '@' + PercentEncode(version);
  if (!qualifiers.empty()) {
    auto sorted = qualifiers;
    std::sort(sorted.begin(), sorted.end());
    char sep = '?';
    for (const auto& [k, v] : sorted) {
      if (v.empty()) continue;
      out += sep;
      out += ToLower(k) + '=' + PercentEncode(v, /*keep_slash=*/true);
      sep = '&';
    }
  }
  if (!subpath.empty()) out += '#' + PercentEncode(subpath, /*keep_slash=*/true);
  return out;
}

Result<Purl> Purl::Parse(std::string_view text) {
  if (!text.starts_with("pkg:")) return Status::Parse("purl must start with 'pkg:'");
  std::string_view rest = text.substr(4);
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  Purl p;
  if (auto hash = rest.find('#'); hash != std::string_view::npos) {
    p.subpath = PercentDecode(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    for (std::string_view kv : Split(rest.substr(q + 1), '&')) {
      auto eq = kv.find('=');
      if (eq == std::string_view::npos) return Status::Parse("purl qualifier without '='");
      p.qualifiers.emplace_back(ToLower(kv.substr(0, eq)), PercentDecode(kv.substr(eq + 1)));
    }
    rest = rest.substr(0, q);
  }
  auto slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return Status::Parse("purl has no type");
  p.type = ToLower(rest.substr(0, slash));
  rest = rest.substr(slash + 1);
  if (auto at = rest.rfind('@'); at != std::string_view::npos && at > 0) {
    p.version = PercentDecode(rest.substr(at + 1));
    rest = rest.substr(0, at);
  }
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  auto last = rest.rfind('/');
  if (last != std::string_view::npos) {
    p.ns = PercentDecode(rest.substr(0, last));
    rest = rest.substr(last + 1);
  }
  p.name = PercentDecode(rest);
  if (p.name.empty()) return Status::Parse("purl has no name");
  return p;
}

std::string MakePurl(std::string_view type, std::string_view name, std::string_view version) {
  Purl p;
  p.type = std::string(type);
  p.version = std::string(version);
  std::string n = NormalizePackageName(type, name);
  if (type == "maven") {
    auto colon = n.find(':');
    if (colon != std::string::npos) {
      p.ns = n.substr(0, colon);
      n = n.substr(colon + 1);
    }
  } else if (type == "npm" || type == "golang" || type == "composer" || type == "huggingface") {
    auto slash = n.rfind('/');
    if (slash != std::string::npos) {
      p.ns = n.substr(0, slash);
      n = n.substr(slash + 1);
    }
  }
  p.name = n;
  return p.ToString();
}

}  // namespace aisec
