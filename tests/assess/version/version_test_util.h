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

// One row of a comparison table: a <op> b, with op one of '<', '=', '>'.
struct Cmp {
  const char* a;
  char op;
  const char* b;
};

// Checks every row both ways (a op b and b reverse-op a); returns the number of rows.
inline size_t ExpectComparisons(const Scheme& s, const std::vector<Cmp>& rows) {
  for (const auto& r : rows) {
    auto c = s.CompareText(r.a, r.b);
    auto back = s.CompareText(r.b, r.a);
    EXPECT_TRUE(c.has_value() && back.has_value()) << r.a << " or " << r.b << " does not parse";
    if (!c || !back) continue;
    int want = r.op == '<' ? -1 : r.op == '>' ? 1 : 0;
    EXPECT_EQ((*c > 0) - (*c < 0), want) << r.a << " " << r.op << " " << r.b;
    EXPECT_EQ((*back > 0) - (*back < 0), -want) << r.b << " vs " << r.a;
  }
  return rows.size();
}

// One row of a membership table: whether `version` satisfies the requirement `range`.
struct Member {
  const char* range;
  const char* version;
  bool in;
};

inline size_t ExpectMembership(const Scheme& s, const std::vector<Member>& rows) {
  for (const auto& r : rows) {
    EXPECT_EQ(InRange(s, r.range, r.version), r.in) << r.version << (r.in ? " in " : " not in ") << r.range;
  }
  return rows.size();
}

}  // namespace aisec::assess::version::testing
