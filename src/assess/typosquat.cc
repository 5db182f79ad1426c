// Typosquat suspects: a dependency whose name is one edit (insertion, deletion, substitution or
// transposition of adjacent letters), a separator or look-alike swap (0/o, 1/l/i, rn/m, - _ .)
// or a reordering of words away from a popular AI package of the same ecosystem, and that is
// neither a catalogued package nor a known legitimate near name. Both lists are data: the
// `popular: true` entries of data/catalog/ai-packages.yaml and data/typosquat/legitimate.yaml.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assess/registry_decls.h"
#include "catalog/ai_catalog.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::assess {
namespace {

// Shorter popular names have too many legitimate one-edit neighbours ("ai" -> "a1", "aws").
constexpr size_t kMinEditLength = 5;

bool IsSeparator(char c) { return c == '-' || c == '_' || c == '.'; }

// True when a and b differ by exactly one insertion, deletion, substitution or transposition
// of adjacent characters (optimal string alignment distance 1).
bool OneEdit(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // transposition
  }
  return a.substr(i) == b.substr(i + 1);  // insertion into a
}

// The name with look-alike characters folded and separators removed.
std::string Skeleton(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    if (IsSeparator(c)) continue;
    if (c == 'r' && i + 1 < name.size() && std::tolower(static_cast<unsigned char>(name[i + 1])) == 'n') {
      out += 'm';
      ++i;
      continue;
    }
    if (c == '0') c = 'o';
    else if (c == '1' || c == 'i') c = 'l';
    out += c;
  }
  return out;
}

std::vector<std::string> SortedWords(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    if (IsSeparator(c)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  std::sort(words.begin(), words.end());
  return words;
}

// How `name` imitates `popular`, or "" when it does not.
std::string Technique(const std::string& name, const std::string& popular) {
  if (name == popular) return {};
  if (popular.size() >= kMinEditLength && OneEdit(name, popular)) return "one-edit";
  if (Skeleton(name) == Skeleton(popular)) return "look-alike characters or separators";
  auto w = SortedWords(name);
  if (w.size() > 1 && w == SortedWords(popular)) return "reordered words";
  return {};
}

// "ecosystem\x1fnormalised-name" of every known legitimate near name, loaded once.
const std::set<std::string>& Legitimate() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    auto text = DataFile("typosquat/legitimate.yaml");
    if (!text) return out;
    auto doc = ParseYaml(*text, "typosquat/legitimate.yaml");
    if (!doc.ok()) return out;
    try {
      for (const auto& p : (*doc)["packages"]) {
        std::string eco = p["ecosystem"].as<std::string>();
        out.insert(eco + '\x1f' + NormalizePackageName(eco, p["name"].as<std::string>()));
      }
    } catch (const YAML::Exception&) {
      out.clear();
    }
    return out;
  }();
  return names;
}

Finding MakeFinding(const Component& c, const catalog::AiPackage& p, const std::string& how) {
  Finding f;
  f.rule_id = "AISEC-TYPOSQUAT";
  f.severity = Severity::kHigh;
  f.confidence = 0.7;
  f.component_ref = c.Key();
  if (!c.evidence.empty()) f.evidence.push_back(c.evidence.front());
  f.title = fmt::format("Possible typosquat: '{}' imitates the popular package '{}'", c.name, p.name);
  f.description = fmt::format(
      "'{}' is not a known package, and its name is close to '{}' ({}), a common way to trick "
      "developers into installing malware.", c.name, p.name, how);
  f.remediation = fmt::format("Check that '{}' is the package you meant; the popular one is '{}'.",
                              c.name, p.name);
  f.frameworks["owasp_llm_2025"] = {"LLM03"};
  f.properties["imitates"] = p.name;
  f.properties["technique"] = how;
  std::string path = f.evidence.empty() ? "" : f.evidence.front().location.path;
  f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, path, p.name);
  return f;
}

}  // namespace

Status AssessTyposquats(Context& ctx) {
  const catalog::AiCatalog& cat = catalog::AiCatalog::Default();
  std::vector<const catalog::AiPackage*> popular;
  for (const auto& p : cat.packages()) {
    if (p.popular) popular.push_back(&p);
  }
  for (const Component& c : ctx.result.components) {
    if (c.kind != ComponentKind::kLibrary || c.ecosystem.empty()) continue;
    if (cat.Find(c.ecosystem, c.name)) continue;  // a catalogued package is legitimate
    std::string name = NormalizePackageName(c.ecosystem, c.name);
    if (Legitimate().count(c.ecosystem + '\x1f' + name)) continue;
    for (const auto* p : popular) {
      if (p->ecosystem != c.ecosystem) continue;
      std::string how = Technique(name, NormalizePackageName(p->ecosystem, p->name));
      if (how.empty()) continue;
      ctx.result.findings.push_back(MakeFinding(c, *p, how));
      break;
    }
  }
  return Status::Ok();
}

}  // namespace aisec::assess
