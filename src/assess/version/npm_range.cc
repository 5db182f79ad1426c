// npm range syntax (node-semver's README, "Ranges"), also used for Cargo requirements: each
// comparator set is desugared into one interval; "||" joins sets.
#include <optional>
#include <string>
#include <vector>

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

constexpr size_t kMaxSets = 64;
constexpr size_t kMaxComparators = 64;

// "1", "1.2", "1.2.x", "1.2.3-beta.1+build": missing or wildcard parts are nullopt.
struct Partial {
  std::optional<std::string> major, minor, patch;
  std::string suffix;  // "-beta.1" (build metadata dropped)
  int Precision() const { return !major ? 0 : !minor ? 1 : !patch ? 2 : 3; }
};

bool IsWildcard(std::string_view s) { return s == "x" || s == "X" || s == "*"; }

std::optional<Partial> ParsePartial(std::string_view s) {
  s = Trim(s);
  if (!s.empty() && s.front() == '=') s = TrimLeft(s.substr(1));
  if (!s.empty() && (s.front() == 'v' || s.front() == 'V')) s.remove_prefix(1);
  Partial p;
  if (s.empty()) return p;
  if (size_t plus = s.find('+'); plus != std::string_view::npos) s = s.substr(0, plus);
  std::string_view core = s;
  if (size_t dash = s.find('-'); dash != std::string_view::npos) {
    p.suffix = std::string(s.substr(dash));
    core = s.substr(0, dash);
  }
  auto parts = Split(core, '.');
  if (parts.size() > 3) return std::nullopt;
  std::optional<std::string>* fields[] = {&p.major, &p.minor, &p.patch};
  bool wildcard = false;  // everything after a wildcard must be a wildcard too
  for (size_t i = 0; i < parts.size(); ++i) {
    if (IsWildcard(parts[i])) {
      wildcard = true;
    } else if (wildcard || !AllDigits(parts[i])) {
      return std::nullopt;
    } else {
      *fields[i] = std::string(parts[i]);
    }
  }
  if (!p.suffix.empty() && p.Precision() < 3) return std::nullopt;
  return p;
}

class Builder {
 public:
  explicit Builder(const Scheme& s) : s_(s) {}

  Result<Version> Make(const std::string& major, const std::string& minor,
                       const std::string& patch, std::string_view suffix = {}) const {
    return s_.Parse(major + "." + minor + "." + patch + std::string(suffix));
  }
  // The lowest version of a partial ("1.2" -> 1.2.0).
  Result<Version> Low(const Partial& p) const {
    return Make(p.major.value_or("0"), p.minor.value_or("0"), p.patch.value_or("0"), p.suffix);
  }
  // The first version above everything the partial names ("1.2" -> 1.3.0-0).
  Result<Version> Next(const Partial& p) const {
    if (p.Precision() == 1) return Make(IncrementDigits(*p.major), "0", "0", "-0");
    return Make(*p.major, IncrementDigits(*p.minor), "0", "-0");
  }

 private:
  const Scheme& s_;
};

Result<Interval> Primitive(const Builder& b, std::string_view op, const Partial& p) {
  int prec = p.Precision();
  if (prec == 0) {  // "*", ">=*", …: everything ("<*" and ">*" match nothing in npm)
    if (op != "<" && op != ">") return Interval{};
    auto zero = b.Make("0", "0", "0", "-0");
    if (!zero.ok()) return zero.error();
    return Interval{Bound{*zero, false}, Bound{*zero, false}};
  }
  auto low = b.Low(p);
  if (!low.ok()) return low.error();
  if (prec == 3) {
    if (op == ">=") return Interval::AtLeast(*low);
    if (op == ">") return Interval{Bound{*low, false}, std::nullopt};
    if (op == "<=") return Interval{std::nullopt, Bound{*low, true}};
    if (op == "<") return Interval::Below(*low);
    return Interval::Exactly(*low);
  }
  auto next = b.Next(p);
  if (!next.ok()) return next.error();
  if (op == ">=") return Interval::AtLeast(*low);
  if (op == ">") return Interval::AtLeast(*next);
  if (op == "<=") return Interval::Below(*next);
  if (op == "<") return Interval::Below(*b.Make(p.major.value_or("0"), p.minor.value_or("0"),
                                                 "0", "-0"));
  return Interval{Bound{*low, true}, Bound{*next, false}};
}

Result<Interval> Tilde(const Builder& b, const Partial& p) {
  if (p.Precision() == 0) return Interval{};
  auto low = b.Low(p);
  Partial upto = p;
  if (p.Precision() >= 2) upto.patch.reset();
  auto next = b.Next(upto);
  if (!low.ok() || !next.ok()) return Error{ErrorCode::kParse, "invalid tilde range", {}};
  return Interval{Bound{*low, true}, Bound{*next, false}};
}

// "^" allows changes that do not modify the left-most non-zero part.
Result<Interval> Caret(const Builder& b, const Partial& p) {
  if (p.Precision() == 0) return Interval{};
  auto low = b.Low(p);
  if (!low.ok()) return low.error();
  Partial upto;
  upto.major = p.major;
  if (*p.major == "0" && p.minor) {
    upto.minor = p.minor;
    if (*p.minor == "0" && p.patch) {
      auto next = b.Make("0", "0", IncrementDigits(*p.patch), "-0");
      if (!next.ok()) return next.error();
      return Interval{Bound{*low, true}, Bound{*next, false}};
    }
  }
  auto next = b.Next(upto);
  if (!next.ok()) return next.error();
  return Interval{Bound{*low, true}, Bound{*next, false}};
}

Result<Interval> Comparator(const Builder& b, std::string_view tok, bool caret_default) {
  static constexpr std::string_view kOps[] = {">=", "<=", ">", "<", "=", "^", "~>", "~"};
  std::string_view op;
  for (auto cand : kOps) {
    if (tok.substr(0, cand.size()) == cand) {
      op = cand;
      break;
    }
  }
  auto p = ParsePartial(tok.substr(op.size()));
  if (!p) return Error{ErrorCode::kParse, "invalid range comparator '" + std::string(tok) + "'", {}};
  // Cargo: a bare version is a caret requirement, but a wildcard ("1.2.*") is only itself.
  bool bare_caret = op.empty() && caret_default && tok.find('*') == std::string_view::npos;
  if (op == "^" || bare_caret) return Caret(b, *p);
  if (op == "~" || op == "~>") return Tilde(b, *p);
  return Primitive(b, op, *p);
}

// Splits "> = 1.2  <2" into comparator tokens, gluing a lone operator to its version.
std::vector<std::string> Tokens(std::string_view set, bool commas) {
  std::vector<std::string> out;
  std::string pending;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    bool only_op = cur.find_first_not_of("<>=^~") == std::string::npos;
    pending += cur;
    if (!only_op) out.push_back(std::move(pending)), pending.clear();
    cur.clear();
  };
  for (char c : set) {
    if (c == ' ' || c == '\t' || (commas && c == ',')) flush();
    else cur += c;
  }
  flush();
  if (!pending.empty()) out.push_back(pending);
  return out;
}

Result<VersionSet> ComparatorSet(const Scheme& s, std::string_view set, bool caret_default) {
  Builder b(s);
  set = Trim(set);
  if (size_t hyphen = set.find(" - "); hyphen != std::string_view::npos) {
    auto lo = ParsePartial(set.substr(0, hyphen));
    auto hi = ParsePartial(set.substr(hyphen + 3));
    if (!lo || !hi) return Error{ErrorCode::kParse, "invalid hyphen range", {}};
    auto from = Primitive(b, ">=", *lo);
    auto to = Primitive(b, "<=", *hi);
    if (!from.ok()) return from.error();
    if (!to.ok()) return to.error();
    return VersionSet::Of(*from).Intersect(s, VersionSet::Of(*to));
  }
  VersionSet result = VersionSet::All();
  auto tokens = Tokens(set, caret_default);
  if (tokens.size() > kMaxComparators) return Error{ErrorCode::kLimit, "too many comparators", {}};
  for (const std::string& tok : tokens) {
    auto i = Comparator(b, tok, caret_default);
    if (!i.ok()) return i.error();
    result = result.Intersect(s, VersionSet::Of(*i));
  }
  return result;
}

}  // namespace

Result<VersionSet> ParseNpmRange(const Scheme& s, std::string_view spec, bool caret_default) {
  VersionSet out;
  std::vector<std::string_view> sets;
  size_t start = 0;
  while (true) {
    size_t bar = spec.find("||", start);
    sets.push_back(spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 2;
  }
  if (sets.size() > kMaxSets) return Error{ErrorCode::kLimit, "too many range alternatives", {}};
  for (std::string_view set : sets) {
    auto r = ComparatorSet(s, set, caret_default);
    if (!r.ok()) return r.error();
    out.AddAll(*r);
  }
  return out;
}

}  // namespace aisec::assess::version
