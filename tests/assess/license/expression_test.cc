#include "assess/license/expression.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "core/data.h"

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
  EXPECT_EQ(NormalizeLicenseId("BSD License"), "");  // ambiguous: not guessed
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

// Issue 5 regressions.
TEST(LicenseExpression, ExceptionsAreCheckedAgainstTheSpdxList) {
  auto known = ParseExpression("GPL-3.0-only WITH GCC-exception-3.1");
  ASSERT_TRUE(known.ok());
  EXPECT_TRUE(known->known);
  EXPECT_TRUE(IsSpdxException("GCC-exception-3.1"));
  auto unknown = ParseExpression("MIT WITH Foo-exception");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->known);
  EXPECT_FALSE(IsSpdxException("Foo-exception"));
}

TEST(LicenseExpression, AmbiguousNamesAreNotGuessed) {
  for (const char* name : {"BSD", "bsd", "BSD License", "BSD licence"}) {
    EXPECT_EQ(NormalizeLicenseId(name), "") << name;
    auto e = ParseExpression(name);
    EXPECT_TRUE(!e.ok() || !e->known) << name;
  }
  EXPECT_EQ(NormalizeLicenseId("BSD 3-Clause"), "BSD-3-Clause");
  EXPECT_EQ(NormalizeLicenseId("BSD-2"), "BSD-2-Clause");
}

TEST(LicenseExpression, SlashIsALegacyChoice) {
  for (const char* text : {"MIT/Apache-2.0", "MIT / Apache-2.0", "mit/apache-2.0"}) {
    auto e = ParseExpression(text);
    ASSERT_TRUE(e.ok()) << text;
    EXPECT_EQ(e->ToString(), "MIT OR Apache-2.0") << text;
    EXPECT_NE(e->note.find("MIT OR Apache-2.0"), std::string::npos) << text;
  }
  EXPECT_EQ(Norm("GPL-2.0+/MIT"), "GPL-2.0-or-later OR MIT");
  EXPECT_TRUE(ParseExpression("MIT OR Apache-2.0")->note.empty());  // nothing was normalised
  EXPECT_FALSE(ParseExpression("MIT/Not-A-Licence").ok());
  EXPECT_FALSE(ParseExpression("MIT/").ok());
  EXPECT_EQ(Norm("zlib/libpng"), "Zlib");  // a name with a slash stays a name
}

TEST(LicenseExpression, CommonFreeTextNames) {
  const std::pair<const char*, const char*> kCases[] = {
      {"GNU GPLv3", "GPL-3.0-only"},
      {"GNU GPL v2", "GPL-2.0-only"},
      {"GNU General Public License v3 (GPLv3)", "GPL-3.0-only"},
      {"GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later"},
      {"GNU Lesser General Public License v2 or later (LGPLv2+)", "LGPL-2.0-or-later"},
      {"GNU Affero General Public License v3", "AGPL-3.0-only"},
      {"GNU AGPLv3", "AGPL-3.0-only"},
      {"Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"},
      {"The Apache Software License, Version 2.0", "Apache-2.0"},
      {"Apache Software License", "Apache-2.0"},
      {"Apache 2", "Apache-2.0"},
      {"MIT License", "MIT"},
      {"ISC License (ISCL)", "ISC"},
      {"Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"},
      {"Creative Commons Attribution-NonCommercial 4.0", "CC-BY-NC-4.0"},
  };
  for (const auto& [name, id] : kCases) EXPECT_EQ(NormalizeLicenseId(name), id) << name;
}

TEST(LicenseData, EveryAliasNamesAnSpdxIdOrALicenseRef) {
  auto doc = YAML::Load(std::string(*DataFile("licenses/aliases.yaml")));
  ASSERT_GE(doc["version"].as<int>(), 2);
  ASSERT_GE(doc["aliases"].size(), 100u);
  for (const auto& kv : doc["aliases"]) {
    std::string id = kv.second.as<std::string>();
    EXPECT_TRUE(IsSpdxLicense(id) || id.starts_with("LicenseRef-")) << kv.first.as<std::string>() << " -> " << id;
    EXPECT_EQ(NormalizeLicenseId(kv.first.as<std::string>()), id) << kv.first.as<std::string>();
  }
}

}  // namespace
}  // namespace aisec::assess::license
