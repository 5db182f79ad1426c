// CVSS v4.0 score (FIRST, "CVSS v4.0 Specification Document", section 8): the vector is mapped
// to a macro vector of six equivalence classes (EQ1..EQ6) whose score is looked up in
// data/cvss/cvss4-macrovectors.yaml, then lowered in proportion to how far the vector sits below
// the highest-severity vectors of its classes, relative to the next lower macro vectors.
#include <yaml-cpp/yaml.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "assess/cvss/cvss.h"
#include "core/data.h"
#include "core/parse.h"

namespace aisec::assess::cvss {
namespace {

using Metrics = std::map<std::string, std::string, std::less<>>;

const std::unordered_map<std::string, double>& MacroScores() {
  static const auto table = [] {
    std::unordered_map<std::string, double> out;
    auto text = DataFile("cvss/cvss4-macrovectors.yaml");
    if (!text) return out;
    auto doc = ParseYaml(*text, "cvss/cvss4-macrovectors.yaml");
    if (!doc.ok()) return out;
    try {
      for (const auto& kv : (*doc)["macrovectors"]) {
        out[kv.first.as<std::string>()] = kv.second.as<double>();
      }
    } catch (const YAML::Exception&) {
      out.clear();
    }
    return out;
  }();
  return table;
}

// Distances of metric values from the most severe value, in steps of 0.1.
double Level(std::string_view metric, std::string_view v) {
  struct Row { std::string_view metric, values; };
  // Each value's position in `values` (3 chars per entry: letter and two spaces) is its level.
  static constexpr Row kRows[] = {
      {"AV", "N  A  L  P"}, {"PR", "N  L  H"}, {"UI", "N  P  A"}, {"AC", "L  H"},
      {"AT", "N  P"},       {"VC", "H  L  N"}, {"VI", "H  L  N"}, {"VA", "H  L  N"},
      {"SC", "-  H  L  N"}, {"SI", "S  H  L  N"}, {"SA", "S  H  L  N"},
      {"CR", "H  M  L"},    {"IR", "H  M  L"}, {"AR", "H  M  L"}};
  for (const Row& r : kRows) {
    if (r.metric != metric) continue;
    for (size_t i = 0; i < r.values.size(); i += 3) {
      if (r.values.substr(i, 1) == v) return static_cast<double>(i / 3) * 0.1;
    }
  }
  return 0;
}

// The value a score uses: the Modified metric when set, else the base metric; defaults for
// unset threat and requirement metrics (E:A, CR/IR/AR:H).
std::string Effective(const Metrics& m, const std::string& key) {
  auto get = [&](const std::string& k) {
    auto it = m.find(k);
    return it == m.end() || it->second == "X" ? std::string() : it->second;
  };
  if (std::string mod = get("M" + key); !mod.empty()) return mod;
  std::string v = get(key);
  if (v.empty() && key == "E") return "A";
  if (v.empty() && (key == "CR" || key == "IR" || key == "AR")) return "H";
  return v;
}

std::array<int, 6> MacroVector(const Metrics& m) {
  auto e = [&](const char* k) { return Effective(m, k); };
  std::string av = e("AV"), pr = e("PR"), ui = e("UI");
  int eq1 = (av == "N" && pr == "N" && ui == "N") ? 0
            : ((av == "N" || pr == "N" || ui == "N") && av != "P") ? 1 : 2;
  int eq2 = (e("AC") == "L" && e("AT") == "N") ? 0 : 1;
  std::string vc = e("VC"), vi = e("VI"), va = e("VA");
  int eq3 = (vc == "H" && vi == "H") ? 0 : (vc == "H" || vi == "H" || va == "H") ? 1 : 2;
  int eq4 = (e("SI") == "S" || e("SA") == "S") ? 0
            : (e("SC") == "H" || e("SI") == "H" || e("SA") == "H") ? 1 : 2;
  std::string ex = e("E");
  int eq5 = ex == "A" ? 0 : ex == "P" ? 1 : 2;
  bool eq6_high = (e("CR") == "H" && vc == "H") || (e("IR") == "H" && vi == "H") ||
                  (e("AR") == "H" && va == "H");
  return {eq1, eq2, eq3, eq4, eq5, eq6_high ? 0 : 1};
}

std::string Key(const std::array<int, 6>& mv) {
  std::string k;
  for (int v : mv) k += static_cast<char>('0' + v);
  return k;
}

std::optional<double> Score(const std::array<int, 6>& mv) {
  auto it = MacroScores().find(Key(mv));
  if (it == MacroScores().end()) return std::nullopt;
  return it->second;
}

// The most severe vectors of each equivalence class (specification, section 8.2), searched in
// order for the first one the scored vector does not exceed.
const std::vector<std::string_view>& MaxEq1(int l) {
  static const std::vector<std::string_view> k[] = {
      {"AV:N/PR:N/UI:N"}, {"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
      {"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"}};
  return k[l];
}
const std::vector<std::string_view>& MaxEq2(int l) {
  static const std::vector<std::string_view> k[] = {{"AC:L/AT:N"}, {"AC:H/AT:N", "AC:L/AT:P"}};
  return k[l];
}
const std::vector<std::string_view>& MaxEq36(int eq3, int eq6) {
  static const std::vector<std::string_view> k[3][2] = {
      {{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"},
       {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"}},
      {{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
       {"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
        "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
        "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"}},
      {{}, {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}}};
  return k[eq3][eq6];
}
const std::vector<std::string_view>& MaxEq4(int l) {
  static const std::vector<std::string_view> k[] = {
      {"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}};
  return k[l];
}

// Per-metric distance of the vector below a max vector; nullopt when it exceeds it anywhere.
std::optional<std::map<std::string, double>> Distances(const Metrics& m, std::string_view max) {
  std::map<std::string, double> d;
  size_t start = 0;
  while (start < max.size()) {
    size_t end = max.find('/', start);
    if (end == std::string_view::npos) end = max.size();
    std::string_view part = max.substr(start, end - start);
    std::string key(part.substr(0, part.find(':')));
    double dist = Level(key, Effective(m, key)) - Level(key, part.substr(part.find(':') + 1));
    if (dist < -1e-9) return std::nullopt;
    d[key] = dist;
    start = end + 1;
  }
  return d;
}

std::optional<std::map<std::string, double>> ClosestMax(const Metrics& m,
                                                        const std::array<int, 6>& mv) {
  for (auto a : MaxEq1(mv[0])) {
    for (auto b : MaxEq2(mv[1])) {
      for (auto c : MaxEq36(mv[2], mv[5])) {
        for (auto e : MaxEq4(mv[3])) {
          std::string max = std::string(a) + "/" + std::string(b) + "/" + std::string(c) + "/" +
                            std::string(e);
          if (auto d = Distances(m, max)) return d;
        }
      }
    }
  }
  return std::nullopt;
}

double Interpolate(const Metrics& m, const std::array<int, 6>& mv, double value) {
  auto lower = [&](int eq, int delta6 = 0) {
    std::array<int, 6> next = mv;
    if (eq >= 0) ++next[eq];
    next[5] += delta6;
    return Score(next);
  };
  std::optional<double> eq36_lower;
  if (mv[2] == 0 && mv[5] == 0) {
    auto left = lower(-1, 1), right = lower(2);
    eq36_lower = left && right ? std::max(*left, *right) : (left ? left : right);
  } else if (mv[5] == 0) {
    eq36_lower = lower(-1, 1);
  } else {
    eq36_lower = mv[2] == 2 ? lower(2, 1) : lower(2);
  }
  auto d = ClosestMax(m, mv);
  if (!d) return value;
  auto sum = [&](std::initializer_list<const char*> keys) {
    double s = 0;
    for (const char* k : keys) s += (*d)[k];
    return s;
  };
  static constexpr int kDepth1[] = {1, 4, 5}, kDepth2[] = {1, 2}, kDepth4[] = {6, 5, 4};
  static constexpr int kDepth36[3][2] = {{7, 6}, {8, 8}, {0, 10}};
  struct Part { std::optional<double> lower; double distance; double depth; };
  const Part parts[] = {
      {lower(0), sum({"AV", "PR", "UI"}), kDepth1[mv[0]] * 0.1},
      {lower(1), sum({"AC", "AT"}), kDepth2[mv[1]] * 0.1},
      {eq36_lower, sum({"VC", "VI", "VA", "CR", "IR", "AR"}), kDepth36[mv[2]][mv[5]] * 0.1},
      {lower(3), sum({"SC", "SI", "SA"}), kDepth4[mv[3]] * 0.1},
      {lower(4), 0.0, 0.1},  // EQ5 has a single vector per level: no distance within it
  };
  double total = 0;
  int n = 0;
  for (const Part& p : parts) {
    if (!p.lower) continue;
    ++n;
    total += (value - *p.lower) * (p.distance / p.depth);
  }
  return n ? value - total / n : value;
}

}  // namespace

Result<double> Cvss4BaseScore(std::string_view vector) {
  std::string prefix;
  auto m = SplitVector(vector, &prefix);
  if (!m.ok()) return m.error();
  if (prefix != "CVSS:4.0") return Error{ErrorCode::kParse, "not a CVSS v4.0 vector", {}};
  static constexpr std::pair<const char*, std::string_view> kBase[] = {
      {"AV", "NALP"}, {"AC", "LH"},  {"AT", "NP"},  {"PR", "NLH"}, {"UI", "NPA"}, {"VC", "HLN"},
      {"VI", "HLN"},  {"VA", "HLN"}, {"SC", "HLN"}, {"SI", "HLN"}, {"SA", "HLN"}};
  for (const auto& [k, allowed] : kBase) {
    auto it = m->find(k);
    if (it == m->end() || it->second.size() != 1 ||
        allowed.find(it->second[0]) == std::string_view::npos) {
      return Error{ErrorCode::kParse, std::string("CVSS v4.0 metric ") + k + " missing or invalid",
                   {}};
    }
  }
  if (MacroScores().size() != 270) return Status::Internal("CVSS v4.0 macro-vector table missing");
  bool no_impact = true;
  for (const char* k : {"VC", "VI", "VA", "SC", "SI", "SA"}) no_impact &= Effective(*m, k) == "N";
  if (no_impact) return 0.0;
  auto mv = MacroVector(*m);
  auto value = Score(mv);
  if (!value) return Error{ErrorCode::kParse, "CVSS v4.0 vector maps to no macro vector", {}};
  double score = std::clamp(Interpolate(*m, mv, *value), 0.0, 10.0);
  return std::round((score + 1e-6) * 10) / 10;  // half up, robust to binary fractions
}

}  // namespace aisec::assess::cvss
