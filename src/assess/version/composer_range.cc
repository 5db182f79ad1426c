// Composer version constraints (getcomposer.org, "Versions and constraints"): comparators,
// "1.0.*" wildcards, "^" and "~" (Composer's own meaning: "~1.2" is >=1.2 <2.0), hyphen ranges,
// "," or space for AND, "|" or "||" for OR, and "@stability" flags (ignored).
#include <string>
#include <vector>

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

constexpr size_t kMaxTerms = 64;

Error Bad(std::string_view what) {
  return Error{ErrorCode::kParse, "invalid Composer constraint '" + std::string(what) + "'", {}};
}

// "v1.2.*" -> {"1", "2"} with wildcard = true.
struct Parts {
  std::vector<std::string> numbers;
  bool wildcard = false;
  std::string suffix;  // "-beta1" and the like, kept for exact versions
};

std::optional<Parts> ReadParts(std::string_view v) {
  if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
  Parts p;
  size_t dash = v.find('-');
  if (dash != std::string_view::npos) {
    p.suffix = std::string(v.substr(dash));
    v = v.substr(0, dash);
  }
  for (std::string_view part : Split(v, '.')) {
    if (part == "*" || part == "x" || part == "X") {
      p.wildcard = true;
      break;
    }
    if (!AllDigits(part) || p.numbers.size() == 4) return std::nullopt;
    p.numbers.emplace_back(part);
  }
  if (p.numbers.empty() && !p.wildcard) return std::nullopt;
  return p;
}

// The first version after every release that starts with `numbers`, before its pre-releases.
Result<Version> After(const Scheme& s, std::vector<std::string> numbers) {
  numbers.back() = IncrementDigits(numbers.back());
  return s.Parse(Join(numbers, ".") + "-dev");
}

Result<Interval> Term(const Scheme& s, std::string_view term) {
  static constexpr std::string_view kOps[] = {">=", "<=", "!=", "==", ">", "<", "=", "^", "~"};
  std::string_view op;
  for (auto cand : kOps) {
    if (term.starts_with(cand)) {
      op = cand;
      break;
    }
  }
  std::string_view text = Trim(term.substr(op.size()));
  auto p = ReadParts(text);
  if (!p) return Bad(term);
  if (p->numbers.empty()) return Interval{};  // "*"
  auto low = s.Parse(Join(p->numbers, ".") + p->suffix);
  if (!low.ok()) return Bad(term);
  if (p->wildcard) {
    auto lo = s.Parse(Join(p->numbers, ".") + "-dev");
    auto hi = After(s, p->numbers);
    if (!lo.ok() || !hi.ok()) return Bad(term);
    return Interval{Bound{*lo, true}, Bound{*hi, false}};
  }
  if (op == "^" || op == "~") {
    std::vector<std::string> upto = p->numbers;
    if (op == "^") {
      size_t keep = 0;
      while (keep + 1 < upto.size() && upto[keep] == "0") ++keep;
      upto.resize(keep + 1);
    } else if (upto.size() > 1) {
      upto.pop_back();
    }
    auto hi = After(s, upto);
    if (!hi.ok()) return Bad(term);
    return Interval{Bound{*low, true}, Bound{*hi, false}};
  }
  if (op == ">=") return Interval::AtLeast(*low);
  if (op == ">") return Interval{Bound{*low, false}, std::nullopt};
  if (op == "<=") return Interval{std::nullopt, Bound{*low, true}};
  if (op == "<") return Interval::Below(*low);
  if (op == "!=") return Bad(term);  // handled by the caller
  return Interval::Exactly(*low);
}

Result<VersionSet> Conjunction(const Scheme& s, std::string_view text) {
  if (size_t hyphen = text.find(" - "); hyphen != std::string_view::npos) {
    auto lo = Term(s, ">=" + std::string(Trim(text.substr(0, hyphen))));
    auto hi_parts = ReadParts(Trim(text.substr(hyphen + 3)));
    if (!lo.ok() || !hi_parts || hi_parts->numbers.empty()) return Bad(text);
    // A partial upper bound means everything it names: "1.0 - 2.1" ends before 2.2.
    const std::vector<std::string>& n = hi_parts->numbers;
    auto hi = n.size() < 3 ? After(s, n) : s.Parse(Join(n, ".") + hi_parts->suffix);
    if (!hi.ok()) return Bad(text);
    Interval upper = n.size() < 3 ? Interval::Below(*hi) : Interval{std::nullopt, Bound{*hi, true}};
    return VersionSet::Of(*lo).Intersect(s, VersionSet::Of(upper));
  }
  VersionSet result = VersionSet::All();
  std::string pending;
  std::vector<std::string> terms;
  for (std::string_view tok : Split(text, ' ')) {
    for (std::string_view t : Split(tok, ',')) {
      t = Trim(t);
      if (t.empty()) continue;
      pending += std::string(t.substr(0, t.find('@')));
      if (pending.find_first_not_of("<>=!^~") != std::string::npos) {
        terms.push_back(std::move(pending));
        pending.clear();
      }
    }
  }
  if (!pending.empty() || terms.size() > kMaxTerms) return Bad(text);
  for (const std::string& t : terms) {
    VersionSet set;
    if (t.starts_with("!=")) {
      auto i = Term(s, "=" + t.substr(2));
      if (!i.ok()) return i.error();
      set = VersionSet::Of(*i).Complement(s);
    } else {
      auto i = Term(s, t);
      if (!i.ok()) return i.error();
      set = VersionSet::Of(*i);
    }
    result = result.Intersect(s, set);
  }
  return result;
}

}  // namespace

Result<VersionSet> ParseComposerRange(const Scheme& s, std::string_view spec) {
  std::string normalized;
  for (size_t i = 0; i < spec.size(); ++i) {
    // "||" and "|" both mean OR.
    if (spec[i] == '|') {
      normalized += '\n';
      if (i + 1 < spec.size() && spec[i + 1] == '|') ++i;
    } else {
      normalized += spec[i];
    }
  }
  VersionSet out;
  auto alternatives = Split(normalized, '\n');
  if (alternatives.size() > kMaxTerms) return Error{ErrorCode::kLimit, "too many alternatives", {}};
  for (std::string_view alt : alternatives) {
    auto set = Conjunction(s, Trim(alt));
    if (!set.ok()) return set;
    out.AddAll(*set);
  }
  return out;
}

}  // namespace aisec::assess::version
