#include "report/bom_common.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <set>

#include "assess/license/expression.h"
#include "core/digest.h"
#include "core/strings.h"

namespace aisec::report {

std::optional<size_t> BomGraph::Find(const std::string& key) const {
  auto it = by_key.find(key);
  if (it == by_key.end()) return std::nullopt;
  return it->second;
}

namespace {

// Unique, valid UTF-8 references: two keys that differ only in invalid bytes would otherwise
// collapse into one reference once the JSON writer replaces those bytes.
std::vector<std::string> UniqueRefs(const std::vector<Component>& comps) {
  std::vector<std::string> refs;
  std::set<std::string> used;
  for (const auto& c : comps) {
    std::string base = SanitizeUtf8(c.Key());
    std::string ref = base;
    for (int n = 2; !used.insert(ref).second; ++n) ref = base + "#" + std::to_string(n);
    refs.push_back(std::move(ref));
  }
  return refs;
}

// Adds to `tops` whatever the root cannot reach yet (cycles with no way in), so that every
// component hangs from the root.
void ConnectUnreached(BomGraph& g) {
  std::vector<bool> seen(g.refs.size(), false);
  std::vector<size_t> stack;
  auto visit = [&](size_t start) {
    stack.push_back(start);
    seen[start] = true;
    while (!stack.empty()) {
      size_t n = stack.back();
      stack.pop_back();
      for (const auto& e : g.edges[n]) {
        if (!seen[e.to]) {
          seen[e.to] = true;
          stack.push_back(e.to);
        }
      }
    }
  };
  for (size_t t : g.tops) visit(t);
  for (size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i]) {
      g.tops.push_back(i);
      visit(i);
    }
  }
  std::sort(g.tops.begin(), g.tops.end());
}

}  // namespace

BomGraph BuildGraph(const ScanResult& r) {
  BomGraph g;
  g.refs = UniqueRefs(r.components);
  for (size_t i = 0; i < r.components.size(); ++i) g.by_key.emplace(r.components[i].Key(), i);
  g.edges.resize(r.components.size());
  std::vector<bool> has_parent(r.components.size(), false);
  for (const auto& rel : r.relations) {
    auto from = g.Find(rel.from), to = g.Find(rel.to);
    if (!from || !to || *from == *to) continue;
    g.edges[*from].push_back({*to, rel.kind});
    has_parent[*to] = true;
  }
  for (auto& e : g.edges) {
    std::sort(e.begin(), e.end());
    e.erase(std::unique(e.begin(), e.end()), e.end());
  }
  for (size_t i = 0; i < has_parent.size(); ++i) {
    if (!has_parent[i]) g.tops.push_back(i);
  }
  ConnectUnreached(g);
  return g;
}

std::string ResultUuid(const ScanResult& r) {
  std::string name = r.tool_name + '\0' + r.tool_version + '\0' + r.root + '\0' + r.started_at +
                     '\0' + r.finished_at + '\0';
  for (const auto& c : r.components) name += c.Key() + '\0';
  for (const auto& rel : r.relations) {
    name += rel.from + '\1' + rel.to + '\1' + std::string(RelationKindName(rel.kind)) + '\0';
  }
  for (const auto& f : r.findings) name += f.rule_id + '\1' + f.fingerprint + '\0';
  std::string hex = Sha256Hex(name).substr(0, 32);
  hex[12] = '8';                                               // version 8
  int nibble = hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10;
  hex[16] = "89ab"[nibble & 3];  // RFC 9562 variant
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

std::string RootName(const ScanResult& r) {
  namespace fs = std::filesystem;
  if (r.root.empty()) return "scan";
  fs::path p = fs::path(r.root).lexically_normal();
  if (!p.has_filename() || p.filename() == "." || p.filename() == "..") {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    p = ec ? fs::path() : abs;
    if (!p.empty() && !p.has_filename()) p = p.parent_path();
  }
  std::string name = p.filename().string();
  return name.empty() || name == "/" ? "scan" : name;
}

std::optional<std::string> UtcTimestamp(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fraction]Z
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (t.size() < kShape.size() + 1 || t.back() != 'Z') return std::nullopt;
  for (size_t i = 0; i < kShape.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(t[i])) != 0;
    if (kShape[i] == 'd' ? !digit : t[i] != kShape[i]) return std::nullopt;
  }
  std::string_view rest = t.substr(kShape.size(), t.size() - kShape.size() - 1);
  if (!rest.empty()) {
    if (rest.size() < 2 || rest[0] != '.') return std::nullopt;
    for (char c : rest.substr(1)) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    }
  }
  return std::string(t.substr(0, kShape.size())) + "Z";
}

namespace {

struct HashName {
  std::string_view compact;  // upper case, without '-' and '_'
  std::string_view cyclonedx;
  std::string_view spdx;
};
constexpr std::array<HashName, 13> kHashNames = {{
    {"MD5", "MD5", "md5"},
    {"SHA1", "SHA-1", "sha1"},
    {"SHA224", "", "sha224"},
    {"SHA256", "SHA-256", "sha256"},
    {"SHA384", "SHA-384", "sha384"},
    {"SHA512", "SHA-512", "sha512"},
    {"SHA3256", "SHA3-256", "sha3_256"},
    {"SHA3384", "SHA3-384", "sha3_384"},
    {"SHA3512", "SHA3-512", "sha3_512"},
    {"BLAKE2B256", "BLAKE2b-256", "blake2b256"},
    {"BLAKE2B384", "BLAKE2b-384", "blake2b384"},
    {"BLAKE2B512", "BLAKE2b-512", "blake2b512"},
    {"BLAKE3", "BLAKE3", "blake3"},
}};

const HashName* FindHash(std::string_view alg) {
  std::string compact;
  for (char c : alg) {
    if (c != '-' && c != '_') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const auto& h : kHashNames) {
    if (h.compact == compact) return &h;
  }
  return nullptr;
}

}  // namespace

std::string_view CycloneDxHashAlgorithm(std::string_view alg) {
  const HashName* h = FindHash(alg);
  return h ? h->cyclonedx : std::string_view();
}

std::string_view SpdxHashAlgorithm(std::string_view alg) {
  const HashName* h = FindHash(alg);
  return h ? h->spdx : std::string_view();
}

bool IsHexDigest(std::string_view v) {
  static constexpr size_t kLengths[] = {32, 40, 64, 96, 128};
  if (std::find(std::begin(kLengths), std::end(kLengths), v.size()) == std::end(kLengths)) {
    return false;
  }
  return std::all_of(v.begin(), v.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

namespace {

// True when every licence of the expression is on the SPDX list or a LicenseRef-.
bool AllKnown(const assess::license::Expr& e) {
  if (e.op != assess::license::Expr::Op::kLicense) {
    return std::all_of(e.terms.begin(), e.terms.end(), AllKnown);
  }
  return e.known || e.id.starts_with("LicenseRef-") || e.id.starts_with("DocumentRef-");
}

std::optional<LicenseChoice> FromExpression(const std::string& text) {
  auto expr = assess::license::ParseExpression(text);
  if (!expr.ok() || !AllKnown(*expr)) return std::nullopt;
  std::string canonical = expr->ToString();
  bool single = expr->op == assess::license::Expr::Op::kLicense && expr->exception.empty();
  if (single && assess::license::IsSpdxLicense(canonical)) return LicenseChoice{LicenseChoice::Kind::kId, canonical};
  return LicenseChoice{LicenseChoice::Kind::kExpression, canonical};
}

}  // namespace

LicenseChoice ChooseLicense(const Component& c) {
  if (c.licenses.empty()) return {};
  // Several declared licences all apply (as the licences assessor reads them).
  std::string declared = c.licenses.front();
  if (c.licenses.size() > 1) {
    declared.clear();
    for (const auto& l : c.licenses) declared += (declared.empty() ? "(" : " AND (") + l + ")";
  }
  if (auto choice = FromExpression(declared)) return *choice;
  // What the licences assessor made of them (model licences become LicenseRef-<family>), unless
  // it could not read them either.
  std::string assessed(Prop(c.properties, "aisec:license:expression"));
  if (!assessed.empty() && assessed != "LicenseRef-unparsed") {
    if (auto choice = FromExpression(assessed)) return *choice;
  }
  return LicenseChoice{LicenseChoice::Kind::kNames, ""};
}

std::string_view Prop(const std::map<std::string, std::string>& props, const std::string& key) {
  auto it = props.find(key);
  return it == props.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::string_view part : Split(s, sep)) {
    part = Trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::optional<uint64_t> ParseOffset(std::string_view s) {
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

namespace {

bool IsLoopbackUrl(std::string_view url) {
  auto scheme = url.find("://");
  std::string_view host = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (host.starts_with("[")) {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  std::string h = ToLower(host);
  return h == "localhost" || h.starts_with("127.") || h == "[::1]" || h.ends_with(".localhost");
}

}  // namespace

std::optional<bool> CrossesTrustBoundary(const Component& service) {
  std::string_view kind = Prop(service.properties, "aisec:service:kind");
  if (kind == "cloud") return true;
  if (kind == "local") return false;
  auto endpoints = SplitList(Prop(service.properties, "aisec:endpoint"));
  if (endpoints.empty()) return std::nullopt;
  return !std::all_of(endpoints.begin(), endpoints.end(), IsLoopbackUrl);
}

std::vector<std::pair<std::string, std::string>> ComponentProperties(const Component& c) {
  std::vector<std::pair<std::string, std::string>> props;
  auto add = [&](std::string name, std::string_view value) {
    if (!value.empty()) props.emplace_back(std::move(name), std::string(value));
  };
  add("aisec:kind", ComponentKindName(c.kind));
  add("aisec:scope", ScopeName(c.scope));
  if (c.dev) add("aisec:dev", "true");
  if (c.purl.empty()) add("aisec:ecosystem", c.ecosystem);
  add("aisec:version-spec", c.version_spec);
  if (c.ai) {
    add("aisec:ai:category", c.ai->category);
    add("aisec:ai:provider", c.ai->provider);
    add("aisec:ai:model-family", c.ai->model_family);
    add("aisec:ai:task", c.ai->task);
  }
  for (const auto& h : c.hashes) {
    if (CycloneDxHashAlgorithm(h.algorithm).empty() || !IsHexDigest(h.value)) {
      add("aisec:hash:" + h.algorithm, h.value);
    }
  }
  for (const auto& [k, v] : c.properties) props.emplace_back(k, v);
  return props;
}

std::string_view CycloneDxType(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kModel: return "machine-learning-model";
    case ComponentKind::kData:
    case ComponentKind::kPrompt: return "data";
    case ComponentKind::kApplication:
    case ComponentKind::kAgent:
    case ComponentKind::kService: return "application";
    case ComponentKind::kLibrary:
    case ComponentKind::kTool: return "library";
  }
  return "library";
}

}  // namespace aisec::report
