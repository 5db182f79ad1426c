#include "catalog/npm/npm_spec.h"

#include <gtest/gtest.h>

namespace aisec::catalog::npm {
namespace {

TEST(NpmSpec, TellsExactVersionsFromRanges) {
  for (std::string_view v : {"1.2.3", "=1.2.3", "v1.2.3", "1.0.0-rc.1", "1.0.0-rc.1+build.5", "10.20.30"}) {
    EXPECT_TRUE(IsExactVersion(v)) << v;
  }
  for (std::string_view v : {"^1.2.3", "~1.2", "1.2", "1.x", "*", "", ">=1.0.0 <2", "1.2.3 - 2",
                             "1.2.3-", "01.2", "1.2.3.4", "latest"}) {
    EXPECT_FALSE(IsExactVersion(v)) << v;
  }
  EXPECT_EQ(BareVersion("=1.2.3"), "1.2.3");
  EXPECT_EQ(BareVersion("v2.0.0"), "2.0.0");
}

TEST(NpmSpec, SplitsScopedNamesAtTheRightAt) {
  std::string_view name, range;
  SplitNameAt("@ai-sdk/openai@^1.0.0", name, range);
  EXPECT_EQ(name, "@ai-sdk/openai");
  EXPECT_EQ(range, "^1.0.0");
  SplitNameAt("a@npm:b@^2", name, range);
  EXPECT_EQ(name, "a");
  EXPECT_EQ(range, "npm:b@^2");
  SplitNameAt("@scope/only", name, range);
  EXPECT_EQ(name, "@scope/only");
  EXPECT_EQ(range, "");
}

TEST(NpmSpec, ParsesAliasesOfAliasesToTheRealPackage) {
  Spec s = ParseSpec("my-react", "npm:@preact/compat@17.1.2");
  EXPECT_EQ(s.name, "@preact/compat");
  EXPECT_EQ(s.version, "17.1.2");
  EXPECT_EQ(s.properties.at("aisec:alias"), "my-react");
}

TEST(NpmSpec, GithubShorthandIsGitButScopedNamesAreNot) {
  EXPECT_EQ(ParseSpec("x", "acme/tool").properties.at("aisec:source"), "git");
  EXPECT_EQ(ParseSpec("x", "https://github.com/acme/tool.git#v1").properties.at("aisec:source"), "git");
  EXPECT_EQ(ParseSpec("x", ">=1 <2").version_spec, ">=1 <2");
  EXPECT_EQ(ParseSpec("x", "1.x || 2.x").version_spec, "1.x || 2.x");
}

TEST(NpmSpec, DecodesSsriDigestsToHex) {
  // sha1 of openai-4.104.0.tgz, as yarn also writes it after '#' in the tarball URL.
  auto hashes = IntegrityHashes("sha1-xIl2XcBRuVAZhF2rZLDlIHyuTTA= md5-AAAA sha256-bad!");
  ASSERT_EQ(hashes.size(), 1u);
  EXPECT_EQ(hashes[0].algorithm, "SHA-1");
  EXPECT_EQ(hashes[0].value, "c489765dc051b95019845dab64b0e5207cae4d30");
  EXPECT_EQ(Base64ToHex("AAEC/w=="), "000102ff");
  EXPECT_EQ(Base64ToHex("AAEC/w"), "000102ff");
  EXPECT_EQ(Base64ToHex("A"), "");
  EXPECT_EQ(Base64ToHex("AA*A"), "");
  // A digest of the wrong length for its algorithm is dropped.
  EXPECT_TRUE(IntegrityHashes("sha512-AAEC/w==").empty());
  EXPECT_EQ(IntegrityHashes("sha1-xIl2XcBRuVAZhF2rZLDlIHyuTTA=?foo").size(), 1u);
}

}  // namespace
}  // namespace aisec::catalog::npm
