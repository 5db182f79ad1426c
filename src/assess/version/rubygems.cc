#include "assess/version/rubygems.h"

#include <vector>

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

struct Segment {
  bool numeric = true;
  std::string value;  // digits without leading zeros, or letters
};

struct GemVersion : ParsedVersion {
  std::vector<Segment> canonical;
};

// Gem::Version's pattern: N(.X)*(-Y(.Y)*)? with X alphanumeric and Y alphanumeric or '-'.
bool ValidGemVersion(std::string_view s) {
  size_t dash = s.find('-');
  std::string_view main = s.substr(0, dash);
  auto parts = Split(main, '.');
  if (!AllDigits(parts[0])) return false;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].empty()) return false;
    for (char c : parts[i]) {
      if (!IsDigit(c) && !IsAlpha(c)) return false;
    }
  }
  if (dash == std::string_view::npos) return true;
  for (std::string_view p : Split(s.substr(dash + 1), '.')) {
    if (p.empty()) return false;
    for (char c : p) {
      if (!IsDigit(c) && !IsAlpha(c) && c != '-') return false;
    }
  }
  return true;
}

std::vector<Segment> Segments(std::string_view s) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (IsDigit(s[i])) {
      while (j < s.size() && IsDigit(s[j])) ++j;
      out.push_back({true, std::string(StripZeros(s.substr(i, j - i)))});
    } else if (IsAlpha(s[i])) {
      while (j < s.size() && IsAlpha(s[j])) ++j;
      out.push_back({false, std::string(s.substr(i, j - i))});
    } else {
      j = i + 1;  // '.' and '-' only separate
    }
    i = j;
  }
  return out;
}

// Trailing zeros are dropped from the release part and from the pre-release part separately.
std::vector<Segment> Canonical(std::vector<Segment> segs) {
  size_t first_string = segs.size();
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!segs[i].numeric) {
      first_string = i;
      break;
    }
  }
  auto trim = [](std::vector<Segment> part) {
    while (!part.empty() && part.back().numeric && part.back().value == "0") part.pop_back();
    return part;
  };
  std::vector<Segment> out = trim({segs.begin(), segs.begin() + static_cast<long>(first_string)});
  std::vector<Segment> pre = trim({segs.begin() + static_cast<long>(first_string), segs.end()});
  out.insert(out.end(), pre.begin(), pre.end());
  return out;
}

int CompareGem(const GemVersion& a, const GemVersion& b) {
  static const Segment kZero{true, "0"};
  size_t n = std::max(a.canonical.size(), b.canonical.size());
  for (size_t i = 0; i < n; ++i) {
    const Segment& l = i < a.canonical.size() ? a.canonical[i] : kZero;
    const Segment& r = i < b.canonical.size() ? b.canonical[i] : kZero;
    if (l.numeric && r.numeric) {
      if (int c = CompareDigits(l.value, r.value)) return c;
    } else if (l.numeric != r.numeric) {
      return l.numeric ? 1 : -1;  // a letter segment marks a pre-release
    } else if (int c = Sign(l.value.compare(r.value))) {
      return c;
    }
  }
  return 0;
}

class RubyGemsScheme final : public Scheme {
 public:
  std::string_view name() const override { return "rubygems"; }
  Result<Version> Parse(std::string_view text) const override {
    std::string_view s = Trim(text);
    if (s.empty()) s = "0";
    if (s.size() > 256 || !ValidGemVersion(s)) return ParseError("RubyGems", text);
    GemVersion v;
    std::string replaced;
    for (char c : s) replaced += c == '-' ? std::string(".pre.") : std::string(1, c);
    v.canonical = Canonical(Segments(replaced));
    return MakeVersion(text, std::move(v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareGem(As<GemVersion>(a), As<GemVersion>(b));
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override;
};

// Gem requirements: comma-separated "op version" with =, !=, >, <, >=, <=, ~> (pessimistic).
Result<VersionSet> RubyGemsScheme::ParseRange(std::string_view spec) const {
  VersionSet result = VersionSet::All();
  for (std::string_view clause : Split(spec, ',')) {
    clause = Trim(clause);
    std::string_view op = "=";
    for (std::string_view cand : {"~>", ">=", "<=", "!=", ">", "<", "="}) {
      if (clause.substr(0, cand.size()) == cand) {
        op = cand;
        clause = Trim(clause.substr(cand.size()));
        break;
      }
    }
    auto v = Parse(clause);
    if (!v.ok()) return v.error();
    VersionSet set;
    if (op == "=") set = VersionSet::Of(Interval::Exactly(*v));
    else if (op == "!=") set = VersionSet::Of(Interval::Exactly(*v)).Complement(*this);
    else if (op == ">=") set = VersionSet::Of(Interval::AtLeast(*v));
    else if (op == ">") set = VersionSet::Of(Interval{Bound{*v, false}, std::nullopt});
    else if (op == "<=") set = VersionSet::Of(Interval{std::nullopt, Bound{*v, true}});
    else if (op == "<") set = VersionSet::Of(Interval::Below(*v));
    else {
      // "~> 2.2.3" is ">= 2.2.3, < 2.3.A": drop the last release segment and bump the one before.
      std::vector<std::string_view> parts = Split(Split(clause, '-')[0], '.');
      while (parts.size() > 1 && !AllDigits(parts.back())) parts.pop_back();
      if (parts.size() > 1) parts.pop_back();
      if (!AllDigits(parts.back())) return ParseError("RubyGems", clause);
      std::string upper;
      for (size_t i = 0; i + 1 < parts.size(); ++i) upper += std::string(parts[i]) + ".";
      // Gem compares the candidate's release (pre-release letters dropped) with the bump, so the
      // bump's own pre-releases are out too: "A" is the smallest letter segment.
      upper += IncrementDigits(std::string(parts.back())) + ".A";
      auto hi = Parse(upper);
      if (!hi.ok()) return hi.error();
      set = VersionSet::Of(Interval{Bound{*v, true}, Bound{*hi, false}});
    }
    result = result.Intersect(*this, set);
  }
  return result;
}

}  // namespace

const Scheme& RubyGems() {
  static const RubyGemsScheme kScheme;
  return kScheme;
}

}  // namespace aisec::assess::version
