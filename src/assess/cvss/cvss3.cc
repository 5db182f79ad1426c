// CVSS v3.0 and v3.1 base score (FIRST, "CVSS v3.1 Specification Document", section 7.1 and
// Appendix A for the v3.1 Roundup function).
#include <cmath>
#include <cstdint>

#include "assess/cvss/cvss.h"
#include "core/strings.h"

namespace aisec::assess::cvss {
namespace {

Error Bad(std::string_view vector, std::string_view why) {
  return Error{ErrorCode::kParse, "invalid CVSS v3 vector '" + std::string(vector) + "': " +
                                      std::string(why), {}};
}

// v3.1 rounds up to one decimal through integer arithmetic, so that 4.000000001 is 4.0 and not
// 4.1 (Appendix A).
double Roundup31(double x) {
  auto i = static_cast<int64_t>(std::llround(x * 100000));
  if (i % 10000 == 0) return static_cast<double>(i) / 100000.0;
  return (std::floor(static_cast<double>(i) / 10000) + 1) / 10.0;
}

double Roundup30(double x) { return std::ceil(x * 10) / 10; }

}  // namespace

Result<double> Cvss3BaseScore(std::string_view vector) {
  std::string prefix;
  auto m = SplitVector(vector, &prefix);
  if (!m.ok()) return m.error();
  if (prefix != "CVSS:3.0" && prefix != "CVSS:3.1") return Bad(vector, "not a v3 vector");
  auto get = [&](const char* k) -> std::string {
    auto it = m->find(k);
    return it == m->end() ? "" : it->second;
  };
  std::string av = get("AV"), ac = get("AC"), pr = get("PR"), ui = get("UI"), s = get("S");
  bool changed = s == "C";
  if (s != "U" && s != "C") return Bad(vector, "scope missing");
  auto pick = [](const std::string& v, std::initializer_list<std::pair<const char*, double>> t)
      -> std::optional<double> {
    for (auto& [k, w] : t) {
      if (v == k) return w;
    }
    return std::nullopt;
  };
  auto w_av = pick(av, {{"N", 0.85}, {"A", 0.62}, {"L", 0.55}, {"P", 0.2}});
  auto w_ac = pick(ac, {{"L", 0.77}, {"H", 0.44}});
  auto w_pr = pick(pr, {{"N", 0.85}, {"L", changed ? 0.68 : 0.62}, {"H", changed ? 0.5 : 0.27}});
  auto w_ui = pick(ui, {{"N", 0.85}, {"R", 0.62}});
  auto cia = [&](const char* k) { return pick(get(k), {{"H", 0.56}, {"L", 0.22}, {"N", 0.0}}); };
  auto c = cia("C"), i = cia("I"), a = cia("A");
  if (!w_av || !w_ac || !w_pr || !w_ui || !c || !i || !a) return Bad(vector, "base metric missing");
  double iss = 1 - (1 - *c) * (1 - *i) * (1 - *a);
  double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  double exploitability = 8.22 * *w_av * *w_ac * *w_pr * *w_ui;
  if (impact <= 0) return 0.0;
  auto roundup = prefix == "CVSS:3.1" ? Roundup31 : Roundup30;
  double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  return roundup(std::min(sum, 10.0));
}

}  // namespace aisec::assess::cvss
