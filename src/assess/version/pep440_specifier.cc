// PEP 440 "Version specifiers": comma-separated clauses, all of which must hold.
#include <string>

#include "assess/version/pep440.h"
#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

constexpr size_t kMaxClauses = 64;

Error SpecError(std::string_view clause) {
  return Error{ErrorCode::kParse, "invalid PEP 440 specifier '" + std::string(clause) + "'", {}};
}

Result<Version> ParseV(std::string_view text) { return Pep440().Parse(text); }

// The versions that "==prefix.*" admits: [prefix.dev0, next-prefix.dev0).
Result<VersionSet> PrefixRange(std::string_view prefix_text) {
  auto prefix = ParseV(prefix_text);
  if (!prefix.ok()) return prefix.error();
  const auto& p = As<Pep440Version>(*prefix);
  std::string epoch = p.epoch == "0" ? "" : p.epoch + "!";
  std::vector<std::string> next = p.release;
  next.back() = IncrementDigits(next.back());
  auto lo = ParseV(epoch + Join(p.release, ".") + ".dev0");
  auto hi = ParseV(epoch + Join(next, ".") + ".dev0");
  if (!lo.ok() || !hi.ok()) return SpecError(prefix_text);
  return VersionSet::Of(Interval{Bound{*lo, true}, Bound{*hi, false}});
}

// "<V" excludes the pre-releases of V unless V is one itself: the bound becomes V.dev0.
Result<Version> ExclusiveUpper(const Version& v) {
  const auto& p = As<Pep440Version>(v);
  if (p.IsPrerelease() || !p.local.empty()) return v;
  auto canonical = Pep440Canonical(v.text());
  if (!canonical.ok()) return canonical.error();
  return ParseV(*canonical + ".dev0");
}

Result<VersionSet> Clause(std::string_view clause) {
  static constexpr std::string_view kOps[] = {"===", "~=", "==", "!=", "<=", ">=", "<", ">"};
  std::string_view op;
  for (auto candidate : kOps) {
    if (clause.substr(0, candidate.size()) == candidate) {
      op = candidate;
      break;
    }
  }
  if (op.empty()) return SpecError(clause);
  std::string_view text = Trim(clause.substr(op.size()));
  bool wildcard = text.size() > 2 && text.substr(text.size() - 2) == ".*";
  if (wildcard) {
    if (op != "==" && op != "!=") return SpecError(clause);
    auto prefix = PrefixRange(text.substr(0, text.size() - 2));
    if (!prefix.ok() || op == "==") return prefix;
    return prefix->Complement(Pep440());
  }
  auto v = ParseV(text);
  if (!v.ok()) return SpecError(clause);
  if (op == "==" || op == "===") return VersionSet::Of(Interval::Exactly(*v));
  if (op == "!=") return VersionSet::Of(Interval::Exactly(*v)).Complement(Pep440());
  if (op == ">=") return VersionSet::Of(Interval::AtLeast(*v));
  if (op == "<=") return VersionSet::Of(Interval{std::nullopt, Bound{*v, true}});
  // ">V" should also exclude the post-releases of V; a set of intervals cannot say that, so
  // they are counted in (an overlap check then errs towards "may be affected").
  if (op == ">") return VersionSet::Of(Interval{Bound{*v, false}, std::nullopt});
  if (op == "<") {
    auto upper = ExclusiveUpper(*v);
    if (!upper.ok()) return upper.error();
    return VersionSet::Of(Interval::Below(*upper));
  }
  // "~=V.N" is ">=V.N, ==V.*"; it needs at least two release segments.
  const auto& p = As<Pep440Version>(*v);
  if (p.release.size() < 2) return SpecError(clause);
  std::vector<std::string> prefix(p.release.begin(), p.release.end() - 1);
  auto compatible = PrefixRange((p.epoch == "0" ? "" : p.epoch + "!") + Join(prefix, "."));
  if (!compatible.ok()) return compatible;
  return VersionSet::Of(Interval::AtLeast(*v)).Intersect(Pep440(), *compatible);
}

// Poetry's constraints (pyproject.toml): "^1.2" and "~1.2" (the nearest-version operators of
// npm), a bare version as an exact pin, "*" for any, "||" between alternatives. Each becomes
// the PEP 440 clauses it means.
Result<VersionSet> PoetryClause(std::string_view clause) {
  char op = clause.empty() ? '\0' : clause.front();
  if (clause == "*") return VersionSet::All();
  if (op != '^' && op != '~') {
    if (!clause.empty() && (IsDigit(op) || op == 'v')) {
      return Clause("==" + std::string(clause));  // a bare version; "1.2.*" is a prefix
    }
    return Clause(clause);
  }
  auto v = ParseV(Trim(clause.substr(1)));
  if (!v.ok()) return SpecError(clause);
  std::vector<std::string> upper = As<Pep440Version>(*v).release;
  size_t bump = 0;  // the segment to increment
  if (op == '^') {
    while (bump + 1 < upper.size() && upper[bump] == "0") ++bump;
  } else {
    bump = upper.size() > 1 ? 1 : 0;
  }
  upper.resize(bump + 1);
  upper[bump] = IncrementDigits(upper[bump]);
  auto hi = Clause("<" + Join(upper, "."));
  if (!hi.ok()) return hi;
  return VersionSet::Of(Interval::AtLeast(*v)).Intersect(Pep440(), *hi);
}

bool IsPoetry(std::string_view spec) {
  if (spec.find("||") != std::string_view::npos) return true;
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] == '^') return true;
    if (spec[i] == '~' && (i + 1 >= spec.size() || spec[i + 1] != '=')) return true;
  }
  std::string_view t = Trim(spec);
  return t == "*" || (!t.empty() && (IsDigit(t.front()) || t.front() == 'v'));
}

Result<VersionSet> Conjunction(std::string_view spec, bool poetry) {
  VersionSet result = VersionSet::All();
  auto clauses = Split(spec, ',');
  if (clauses.size() > kMaxClauses) return Error{ErrorCode::kLimit, "too many clauses", {}};
  for (std::string_view clause : clauses) {
    clause = Trim(clause);
    auto set = poetry ? PoetryClause(clause) : Clause(clause);
    if (!set.ok()) return set.error();
    result = result.Intersect(Pep440(), *set);
  }
  return result;
}

}  // namespace

Result<VersionSet> ParsePep440Specifiers(std::string_view spec) {
  spec = Trim(spec);
  if (spec.size() >= 2 && spec.front() == '(' && spec.back() == ')') {
    spec = Trim(spec.substr(1, spec.size() - 2));
  }
  if (spec.empty()) return VersionSet::All();
  if (!IsPoetry(spec)) return Conjunction(spec, false);
  VersionSet out;
  size_t start = 0;
  for (size_t n = 0; n <= kMaxClauses; ++n) {
    size_t bar = spec.find("||", start);
    auto alt = Conjunction(spec.substr(start, bar == std::string_view::npos ? spec.npos : bar - start),
                           true);
    if (!alt.ok()) return alt;
    out.AddAll(*alt);
    if (bar == std::string_view::npos) return out;
    start = bar + 2;
  }
  return Error{ErrorCode::kLimit, "too many alternatives", {}};
}

}  // namespace aisec::assess::version
