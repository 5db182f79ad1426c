// Typosquat suspects: a dependency whose name is a separator swap, a look-alike character swap
// (0/o, 1/l/i, rn/m), a reordering of words, or one edit (insertion, deletion, substitution or
// transposition of adjacent letters) away from a popular AI package of the same ecosystem, and
// that is neither a catalogued package nor a known legitimate near name. Both lists are data:
// the `popular: true` entries of data/catalog/ai-packages.yaml and data/typosquat/legitimate.yaml.
// data/typosquat/near_names.py applies the same rules offline to find legitimate near names.
#include "assess/typosquat.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
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
// Word reordering tries every order of the candidate's parts: 4! = 24 at most.
constexpr size_t kMaxReorderWords = 4;

// Most specific first: a name that is a separator swap is not reported as a generic edit.
constexpr std::array<std::string_view, 5> kTechniques = {"separator-swap", "confusable", "word-reorder",
                                                         "transposition", "one-edit"};

bool IsSeparator(char c) { return c == '-' || c == '_' || c == '.'; }
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Distance 1 in the optimal string alignment sense; `transposed` tells whether the edit was a
// swap of adjacent characters.
bool OneEdit(std::string_view a, std::string_view b, bool& transposed) {
  transposed = false;
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    transposed = i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    return transposed;
  }
  return a.substr(i) == b.substr(i + 1);  // insertion into a
}

// The name in lower case without separators.
std::string Squashed(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (!IsSeparator(c)) out += Lower(c);
  }
  return out;
}

// The squashed name with look-alike characters folded.
std::string Skeleton(std::string_view name) {
  std::string s = Squashed(name), out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == 'r' && i + 1 < s.size() && s[i + 1] == 'n') {
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

// True when the separator-split parts of `name`, joined in another order, spell `target` (a
// popular name without separators): "chain-lang" -> "langchain", "hub-huggingface".
bool Reordered(std::string_view name, std::string_view target) {
  std::vector<std::string> words(1);
  for (char c : name) {
    if (!IsSeparator(c)) words.back() += Lower(c);
    else if (!words.back().empty()) words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  if (words.size() < 2 || words.size() > kMaxReorderWords) return false;
  std::vector<size_t> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Starting from the identity (the smallest order), next_permutation visits every other order.
  while (std::next_permutation(order.begin(), order.end())) {
    std::string joined;
    for (size_t i : order) joined += words[i];
    if (joined == target) return true;
  }
  return false;
}

size_t Rank(std::string_view technique) {
  return static_cast<size_t>(std::find(kTechniques.begin(), kTechniques.end(), technique) - kTechniques.begin());
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

Finding MakeFinding(const Component& c, const TyposquatMatch& m) {
  Finding f;
  f.rule_id = "AISEC-TYPOSQUAT";
  f.severity = Severity::kHigh;
  f.confidence = 0.7;
  f.component_ref = c.Key();
  if (!c.evidence.empty()) f.evidence.push_back(c.evidence.front());
  f.title = fmt::format("Possible typosquat: '{}' imitates the popular package '{}'", c.name, m.imitates);
  f.description = fmt::format(
      "'{}' is not a known package, and its name is close to '{}' ({}), a common way to trick "
      "developers into installing malware.", c.name, m.imitates, m.technique);
  f.remediation = fmt::format("Check that '{}' is the package you meant; the popular one is '{}'.",
                              c.name, m.imitates);
  f.frameworks["owasp_llm_2025"] = {"LLM03"};
  f.properties["imitates"] = m.imitates;
  f.properties["technique"] = m.technique;
  std::string path = f.evidence.empty() ? "" : f.evidence.front().location.path;
  f.fingerprint = Finding::Fingerprint(f.rule_id, f.component_ref, path, m.imitates);
  return f;
}

}  // namespace

std::string TyposquatTechnique(std::string_view name, std::string_view popular) {
  if (name == popular) return {};
  std::string target = Squashed(popular);
  if (Squashed(name) == target) return std::string(kTechniques[0]);
  if (Skeleton(name) == Skeleton(popular)) return std::string(kTechniques[1]);
  if (target.size() >= kMinEditLength && Reordered(name, target)) return std::string(kTechniques[2]);
  bool transposed = false;
  if (popular.size() >= kMinEditLength && OneEdit(name, popular, transposed)) {
    return std::string(transposed ? kTechniques[3] : kTechniques[4]);
  }
  return {};
}

std::optional<TyposquatMatch> MatchTyposquat(std::string_view ecosystem, std::string_view name) {
  const catalog::AiCatalog& cat = catalog::AiCatalog::Default();
  if (ecosystem.empty() || cat.Find(ecosystem, name)) return std::nullopt;  // catalogued: legitimate
  std::string normal = NormalizePackageName(ecosystem, name);
  if (Legitimate().count(std::string(ecosystem) + '\x1f' + normal)) return std::nullopt;
  std::optional<TyposquatMatch> best;
  for (const auto& p : cat.packages()) {
    if (!p.popular || p.ecosystem != ecosystem) continue;
    std::string how = TyposquatTechnique(normal, NormalizePackageName(p.ecosystem, p.name));
    if (how.empty()) continue;
    if (!best || Rank(how) < Rank(best->technique)) best = TyposquatMatch{p.name, how};
  }
  return best;
}

Status AssessTyposquats(Context& ctx) {
  for (const Component& c : ctx.result.components) {
    if (c.kind != ComponentKind::kLibrary) continue;
    if (auto m = MatchTyposquat(c.ecosystem, c.name)) ctx.result.findings.push_back(MakeFinding(c, *m));
  }
  return Status::Ok();
}

}  // namespace aisec::assess
