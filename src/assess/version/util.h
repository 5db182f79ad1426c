#pragma once
// Small helpers shared by the version schemes (not part of the scheme interface).
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"

#include "assess/version/scheme.h"

namespace aisec::assess::version {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

inline int Sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// Drops leading zeros, keeping at least one digit.
inline std::string_view StripZeros(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

// Numeric order of two digit strings of any length (versions carry dates and build numbers
// that overflow 64 bits). REQUIRES: both all digits.
inline int CompareDigits(std::string_view a, std::string_view b) {
  a = StripZeros(a);
  b = StripZeros(b);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Adds one to a digit string ("199" -> "200"). REQUIRES: all digits.
inline std::string IncrementDigits(std::string digits) {
  int i = static_cast<int>(digits.size()) - 1;
  while (i >= 0 && digits[i] == '9') digits[i--] = '0';
  if (i < 0) digits.insert(digits.begin(), '1');
  else ++digits[i];
  return digits;
}


// Compares two dot-separated identifier lists the way PEP 440 local versions and SemVer
// pre-releases both do: numeric identifiers numerically, others as strings (lower-cased when
// `fold_case`), a numeric identifier against another by `numeric_first` (SemVer: numeric
// sorts first; PEP 440: numeric sorts last), and a longer list after its own prefix.
inline int CompareIdentifiers(const std::vector<std::string>& a, const std::vector<std::string>& b,
                              bool numeric_first, bool fold_case = false) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    bool na = AllDigits(a[i]), nb = AllDigits(b[i]);
    int c = 0;
    if (na && nb) {
      c = CompareDigits(a[i], b[i]);
    } else if (na != nb) {
      c = (na == numeric_first) ? -1 : 1;
    } else if (fold_case) {
      c = Sign(ToLower(a[i]).compare(ToLower(b[i])));
    } else {
      c = Sign(a[i].compare(b[i]));
    }
    if (c != 0) return c;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

// The scheme-specific parsed form of a Version the scheme itself produced.
template <typename T>
const T& As(const Version& v) {
  return static_cast<const T&>(*v.parsed());
}

template <typename T>
Version MakeVersion(std::string_view text, T parsed) {
  return Version(std::string(text), std::make_shared<const T>(std::move(parsed)));
}

inline Error ParseError(std::string_view scheme, std::string_view text) {
  return Error{ErrorCode::kParse,
               "not a valid " + std::string(scheme) + " version: '" + std::string(text) + "'", {}};
}

}  // namespace aisec::assess::version
