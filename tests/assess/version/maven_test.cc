// Maven ComparableVersion, from the POM reference's "Version Order Specification".
#include "assess/version/maven.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::InRange;
using testing::Range;

TEST(Maven, SplitsOnSeparatorsAndTransitions) {
  EXPECT_EQ(MavenCanonical("1-1.foo-bar1baz-.1"), "1-[1-[foo-[bar-[1-[baz-[0.1]]]]]]");
  EXPECT_EQ(MavenCanonical("1.0.0"), "1");
  EXPECT_EQ(MavenCanonical("1.ga"), "1");
  EXPECT_EQ(MavenCanonical("1.final"), "1");
  EXPECT_EQ(MavenCanonical("1."), "1");
  EXPECT_EQ(MavenCanonical("1-"), "1");
  EXPECT_EQ(MavenCanonical("1.0.0-foo.0.0"), "1-[foo]");
  EXPECT_EQ(MavenCanonical("1.0.0-0.0.0"), "1");
  EXPECT_EQ(MavenCanonical("1-a1"), "1-[alpha-[1]]");
}

TEST(Maven, SpecificationExamples) {
  ExpectAscending(Maven(), {"1", "1.1"});
  ExpectAscending(Maven(), {"1-snapshot", "1", "1-sp"});
  ExpectAscending(Maven(), {"1-foo2", "1-foo10"});
  ExpectAscending(Maven(), {"1.foo", "1-1", "1.1"});
  ExpectEqual(Maven(), {"1.foo", "1-foo"});
  ExpectEqual(Maven(), {"1.ga", "1-ga", "1-0", "1.0", "1"});
  ExpectAscending(Maven(), {"1-ga", "1-sp"});
  ExpectAscending(Maven(), {"1-ga.1", "1-sp.1"});
  ExpectEqual(Maven(), {"1-a1", "1-alpha-1"});
}

TEST(Maven, OrdersQualifiers) {
  ExpectAscending(Maven(), {"1-alpha", "1-beta", "1-milestone", "1-rc", "1-snapshot", "1",
                            "1-sp", "1-abc", "1-def"});
  ExpectEqual(Maven(), {"1-rc", "1-cr"});
  ExpectEqual(Maven(), {"1", "1-final", "1-ga", "1-release", "1.0.0.RELEASE", "1.0.0.Final"});
  ExpectEqual(Maven(), {"1-SNAPSHOT", "1-snapshot"});
  ExpectEqual(Maven(), {"1-a1", "1-alpha1"});
  ExpectEqual(Maven(), {"1-b2", "1-beta-2"});
  ExpectEqual(Maven(), {"1-m3", "1-milestone-3"});
}

TEST(Maven, OrdersAQualifierList) {
  ExpectAscending(Maven(), {"1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2",
                            "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2", "1-rc123",
                            "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def",
                            "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123"});
}

TEST(Maven, OrdersANumberList) {
  ExpectAscending(Maven(), {"2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b",
                            "2.1-c", "2.1-1", "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11",
                            "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c",
                            "11m"});
}

TEST(Maven, RealWorldVersions) {
  ExpectAscending(Maven(), {"1.0-SNAPSHOT", "1.0", "1.0.1"});
  ExpectAscending(Maven(), {"2.0.0.Final", "2.0.1.Final", "2.0.10.Final"});
  ExpectAscending(Maven(), {"1.0.0-M1", "1.0.0-RC1", "1.0.0"});
  ExpectAscending(Maven(), {"2.12.7", "2.12.7.1", "2.13.0"});
  ExpectEqual(Maven(), {"5.3.18.RELEASE", "5.3.18"});
  ExpectAscending(Maven(), {"1.9", "1.10", "1.100000000000000000000"});
}

// Maven's own comparison is cyclic for some strings: it compares a list with nothing by its
// first item only and a qualifier with a list by kind alone, so "r03" < "0-alpha-2" < "0.0" <
// "r03". Ours decides by the whole rest of the version and is a total order.
TEST(Maven, IsATotalOrderWhereMavenIsCyclic) {
  ExpectAscending(Maven(), {"0-alpha-2", "0.0", "r03"});
  ExpectAscending(Maven(), {"1-0-alpha", "1", "1-sp"});
  ExpectAscending(Maven(), {"1", "1-0.1", "1-0.2"});
  ExpectAscending(Maven(), {"1-sp.1", "1-0.1"});
  // Guava's early releases start with a letter and stay below every numbered release.
  ExpectAscending(Maven(), {"r03", "r09", "10.0"});
}

TEST(Maven, EveryTripleOfATrickyTableIsTransitive) {
  const std::vector<std::string> table = {
      "0-alpha-2", "0.0", "r03", "1-0-alpha", "1", "1-sp", "1-0.1", "1-ga.1", "1.ga.1", "1.0.1",
      "1-1", "1-sp.1", "1.sp", "1-alpha", "1--1", "1-a-0-b", "a", "sp", "0-sp", "-1", ".1",
      "1.0-1", "1-x-alpha", "1-x-1", "1-snapshot", "final-1", "alpha.beta", "1a1a1", "0..0-1"};
  std::vector<Version> vs;
  for (const auto& t : table) vs.push_back(*Maven().Parse(t));
  auto sign = [](int c) { return (c > 0) - (c < 0); };
  for (size_t a = 0; a < vs.size(); ++a) {
    for (size_t b = 0; b < vs.size(); ++b) {
      int ab = sign(Maven().Compare(vs[a], vs[b]));
      EXPECT_EQ(ab, -sign(Maven().Compare(vs[b], vs[a]))) << table[a] << " vs " << table[b];
      for (size_t c = 0; c < vs.size(); ++c) {
        if (ab <= 0 && Maven().Compare(vs[b], vs[c]) <= 0) {
          EXPECT_LE(Maven().Compare(vs[a], vs[c]), 0)
              << table[a] << " <= " << table[b] << " <= " << table[c];
        }
      }
    }
  }
}

TEST(Maven, Ranges) {
  EXPECT_EQ(Range(Maven(), "[1.0,2.0)"), ">=1.0, <2.0");
  EXPECT_EQ(Range(Maven(), "(,1.0]"), "<=1.0");
  EXPECT_EQ(Range(Maven(), "[1.2]"), "=1.2");
  EXPECT_EQ(Range(Maven(), "[1.5,)"), ">=1.5");
  EXPECT_EQ(Range(Maven(), "(,1.0],[1.2,)"), "<=1.0 || >=1.2");
  EXPECT_EQ(Range(Maven(), "1.0"), "=1.0");
  EXPECT_TRUE(InRange(Maven(), "[1.0,2.0)", "1.5-SNAPSHOT"));
  EXPECT_FALSE(InRange(Maven(), "[1.0,2.0)", "2.0.0"));
  EXPECT_TRUE(InRange(Maven(), "[1.0,2.0)", "2.0-beta-1"));
  for (const char* bad : {"[1.0,2.0", "[1.0,2.0,3.0]", "(1.0)", "[,]x"}) {
    EXPECT_EQ(Range(Maven(), bad), "error") << bad;
  }
}

}  // namespace
}  // namespace aisec::assess::version
