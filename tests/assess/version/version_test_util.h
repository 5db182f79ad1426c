#pragma once
// Table helpers for the version-scheme tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "assess/version/range.h"
#include "assess/version/scheme.h"

namespace aisec::assess::version::testing {

// Every pair of the list, in order, compares strictly less (so the order is also transitive).
inline void ExpectAscending(const Scheme& s, const std::vector<std::string>& versions) {
  for (size_t i = 0; i < versions.size(); ++i) {
    for (size_t j = i + 1; j < versions.size(); ++j) {
      auto c = s.CompareText(versions[i], versions[j]);
      ASSERT_TRUE(c.has_value()) << versions[i] << " or " << versions[j] << " does not parse";
      EXPECT_LT(*c, 0) << versions[i] << " < " << versions[j];
      EXPECT_GT(*s.CompareText(versions[j], versions[i]), 0) << versions[j] << " > " << versions[i];
    }
  }
}

// All of the list compare equal to each other.
inline void ExpectEqual(const Scheme& s, const std::vector<std::string>& versions) {
  for (size_t i = 0; i + 1 < versions.size(); ++i) {
    auto c = s.CompareText(versions[i], versions[i + 1]);
    ASSERT_TRUE(c.has_value()) << versions[i] << " or " << versions[i + 1] << " does not parse";
    EXPECT_EQ(*c, 0) << versions[i] << " == " << versions[i + 1];
  }
}

inline void ExpectInvalid(const Scheme& s, const std::vector<std::string>& versions) {
  for (const auto& v : versions) {
    auto r = s.Parse(v);
    EXPECT_FALSE(r.ok()) << "'" << v << "' should not parse";
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kParse);
    }
  }
}

// The range as VersionSet::ToString() prints it, or "error: …".
inline std::string Range(const Scheme& s, const std::string& spec) {
  auto r = s.ParseRange(spec);
  if (!r.ok()) return "error";
  return r->ToString();
}

inline bool InRange(const Scheme& s, const std::string& spec, const std::string& version) {
  auto r = s.ParseRange(spec);
  auto v = s.Parse(version);
  EXPECT_TRUE(r.ok()) << spec;
  EXPECT_TRUE(v.ok()) << version;
  return r.ok() && v.ok() && r->Contains(s, *v);
}

}  // namespace aisec::assess::version::testing
