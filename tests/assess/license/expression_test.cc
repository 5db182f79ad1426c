#include "assess/license/expression.h"

#include <gtest/gtest.h>

namespace aisec::assess::license {
namespace {

std::string Norm(std::string_view s) {
  auto e = ParseExpression(s);
  return e.ok() ? e->ToString() : "ERROR: " + e.error().message;
}

TEST(LicenseExpression, NormalisesIdsAndOperators) {
  EXPECT_EQ(Norm("mit"), "MIT");
  EXPECT_EQ(Norm("apache-2.0 or mit"), "Apache-2.0 OR MIT");
  EXPECT_EQ(Norm("(MIT OR Apache-2.0) AND BSD-3-Clause"), "(MIT OR Apache-2.0) AND BSD-3-Clause");
  EXPECT_EQ(Norm("MIT AND (Apache-2.0 AND ISC)"), "MIT AND Apache-2.0 AND ISC");
  EXPECT_EQ(Norm("GPL-2.0-or-later WITH classpath-exception-2.0"),
            "GPL-2.0-or-later WITH Classpath-exception-2.0");
  EXPECT_EQ(Norm("LicenseRef-my-terms"), "LicenseRef-my-terms");
}

TEST(LicenseExpression, DeprecatedIdsAndAliases) {
  EXPECT_EQ(Norm("GPL-2.0"), "GPL-2.0-only");
  EXPECT_EQ(Norm("GPL-2.0+"), "GPL-2.0-or-later");
  EXPECT_EQ(Norm("Apache License, Version 2.0"), "Apache-2.0");
  EXPECT_EQ(Norm("The MIT License"), "MIT");
  EXPECT_EQ(Norm("BSD License"), "BSD-3-Clause");
  EXPECT_EQ(NormalizeLicenseId("Mozilla Public License 2.0"), "MPL-2.0");
  EXPECT_EQ(NormalizeLicenseId("not a licence"), "");
}

TEST(LicenseExpression, SyntaxErrors) {
  EXPECT_FALSE(ParseExpression("").ok());
  EXPECT_FALSE(ParseExpression("(MIT OR Apache-2.0").ok());
  EXPECT_FALSE(ParseExpression("MIT OR").ok());
  EXPECT_FALSE(ParseExpression("AND MIT").ok());
  EXPECT_FALSE(ParseExpression("MIT WITH").ok());
  EXPECT_EQ(ParseExpression(std::string(100, '(') + "MIT" + std::string(100, ')')).error().code, ErrorCode::kLimit);
}

TEST(LicenseExpression, UnknownIdsParseButAreMarked) {
  auto e = ParseExpression("Foo-1.0 OR MIT");
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->terms[0].known);
  EXPECT_TRUE(e->terms[1].known);
}

}  // namespace
}  // namespace aisec::assess::license
