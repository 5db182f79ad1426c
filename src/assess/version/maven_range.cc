// Interval notation for requirements (Maven's version ranges, also used by NuGet):
// "[1.0,2.0)", "(,1.0]", "[1.2]", "[1.5,)" and unions "(,1.0],[1.2,)".
#include <string>

#include "assess/version/range.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

constexpr size_t kMaxIntervals = 64;

Error RangeError(std::string_view spec) {
  return Error{ErrorCode::kParse, "invalid version range '" + std::string(spec) + "'", {}};
}

Result<Interval> Bracketed(const Scheme& s, char open, std::string_view body, char close,
                           std::string_view spec) {
  size_t comma = body.find(',');
  if (comma == std::string_view::npos) {  // "[1.2]": exactly that version
    auto v = s.Parse(Trim(body));
    if (open != '[' || close != ']' || !v.ok()) return RangeError(spec);
    return Interval::Exactly(*v);
  }
  std::string_view lo = Trim(body.substr(0, comma)), hi = Trim(body.substr(comma + 1));
  if (hi.find(',') != std::string_view::npos) return RangeError(spec);
  Interval i;
  if (!lo.empty()) {
    auto v = s.Parse(lo);
    if (!v.ok()) return RangeError(spec);
    i.lower = Bound{*v, open == '['};
  }
  if (!hi.empty()) {
    auto v = s.Parse(hi);
    if (!v.ok()) return RangeError(spec);
    i.upper = Bound{*v, close == ']'};
  }
  return i;
}

}  // namespace

Result<VersionSet> ParseIntervalRange(const Scheme& s, std::string_view spec,
                                      bool bare_is_minimum) {
  std::string_view rest = Trim(spec);
  if (rest.empty()) return VersionSet::All();
  if (rest.front() != '[' && rest.front() != '(') {
    auto v = s.Parse(rest);
    if (!v.ok()) return RangeError(spec);
    return VersionSet::Of(bare_is_minimum ? Interval::AtLeast(*v) : Interval::Exactly(*v));
  }
  VersionSet out;
  while (!rest.empty()) {
    char open = rest.front();
    if (open != '[' && open != '(') return RangeError(spec);
    size_t end = rest.find_first_of("])");
    if (end == std::string_view::npos) return RangeError(spec);
    auto i = Bracketed(s, open, rest.substr(1, end - 1), rest[end], spec);
    if (!i.ok()) return i.error();
    out.Add(std::move(*i));
    if (out.intervals().size() > kMaxIntervals) return Error{ErrorCode::kLimit, "too many ranges", {}};
    rest = TrimLeft(rest.substr(end + 1));
    if (!rest.empty() && rest.front() == ',') rest = TrimLeft(rest.substr(1));
  }
  return out;
}

}  // namespace aisec::assess::version
