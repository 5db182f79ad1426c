#include "core/glob.h"

#include <vector>

namespace aisec {
namespace {

// Matches a bracket expression at pattern[pi] ('[' already seen at pi-1). Returns the index
// after ']' or npos when the class is malformed (then '[' is taken literally).
size_t MatchClass(std::string_view p, size_t pi, char c, bool* matched) {
  bool negate = false;
  if (pi < p.size() && (p[pi] == '!' || p[pi] == '^')) {
    negate = true;
    ++pi;
  }
  bool hit = false;
  bool first = true;
  while (pi < p.size() && (p[pi] != ']' || first)) {
    first = false;
    char lo = p[pi];
    if (lo == '\\' && pi + 1 < p.size()) lo = p[++pi];
    char hi = lo;
    if (pi + 2 < p.size() && p[pi + 1] == '-' && p[pi + 2] != ']') {
      hi = p[pi + 2];
      pi += 2;
    }
    if (c >= lo && c <= hi) hit = true;
    ++pi;
  }
  if (pi >= p.size()) return std::string_view::npos;
  *matched = (hit != negate) && c != '/';
  return pi + 1;
}

// Backtracking over "**" alone is exponential in the number of "**" (a hostile .gitignore or
// --exclude could stall the scan), so the positions from which the rest of the pattern is known
// not to match are remembered: each (pattern, text) position is tried at most once.
class Matcher {
 public:
  Matcher(std::string_view p, std::string_view t) : p_(p), t_(t) {}

  bool Match(size_t pi, size_t ti, int depth) {
    if (depth > 64) return false;  // pathological patterns
    if (depth == 0) return MatchFrom(pi, ti, depth);  // no "**" seen: nothing to remember yet
    size_t memo = pi * (t_.size() + 1) + ti;
    if (failed_.empty()) failed_.resize((p_.size() + 1) * (t_.size() + 1), false);
    if (failed_[memo]) return false;
    if (MatchFrom(pi, ti, depth)) return true;
    failed_[memo] = true;
    return false;
  }

 private:
  bool MatchFrom(size_t pi, size_t ti, int depth);

  std::string_view p_, t_;
  std::vector<bool> failed_;
};

bool Matcher::MatchFrom(size_t pi, size_t ti, int depth) {
  std::string_view p = p_, t = t_;
  // Backtracking point for a single '*'.
  size_t star_p = std::string_view::npos, star_t = 0;
  while (ti < t.size() || pi < p.size()) {
    if (pi < p.size()) {
      char pc = p[pi];
      if (pc == '*' && pi + 1 < p.size() && p[pi + 1] == '*') {
        // "**": any number of characters including '/'. "**/" may also match nothing.
        size_t rest = pi + 2;
        bool slash = rest < p.size() && p[rest] == '/';
        if (slash && Match(rest + 1, ti, depth + 1)) return true;
        for (size_t k = ti; k <= t.size(); ++k) {
          if (Match(rest, k, depth + 1)) return true;
        }
        return false;
      }
      if (pc == '*') {
        star_p = pi++;
        star_t = ti;
        continue;
      }
      if (ti < t.size()) {
        if (pc == '?' && t[ti] != '/') {
          ++pi;
          ++ti;
          continue;
        }
        if (pc == '[') {
          bool matched = false;
          size_t next = MatchClass(p, pi + 1, t[ti], &matched);
          if (next != std::string_view::npos) {
            if (matched) {
              pi = next;
              ++ti;
              continue;
            }
          } else if (t[ti] == '[') {
            ++pi;
            ++ti;
            continue;
          }
        } else {
          if (pc == '\\' && pi + 1 < p.size()) pc = p[++pi];
          if (pc == t[ti]) {
            ++pi;
            ++ti;
            continue;
          }
        }
      }
    }
    // Mismatch: let the last '*' eat one more character, unless that would cross a '/'.
    if (star_p != std::string_view::npos && star_t < t.size() && t[star_t] != '/') {
      pi = star_p + 1;
      ti = ++star_t;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) {
  return Matcher(pattern, text).Match(0, 0, 0);
}

}  // namespace aisec
