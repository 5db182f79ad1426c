#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(DirectoryPackagesProps, PackageVersionsAreDeclared) {
  auto out = RunCataloger(nuget::DirectoryPackagesProps, Fixture("catalog/nuget/cpm"),
                          "Directory.Packages.props");
  const Component* sk = out.Find("Microsoft.SemanticKernel");
  ASSERT_NE(sk, nullptr);
  EXPECT_EQ(sk->version, "1.21.1");
  EXPECT_EQ(sk->scope, Scope::kDeclared);
  EXPECT_EQ(sk->evidence[0].location.line, 7u);
  EXPECT_EQ(out.Find("Polly")->version, "8.4.1");
  EXPECT_EQ(out.Find("Serilog")->version, "4.0.1");
}

TEST(DirectoryPackagesProps, GlobalReferencesAreDirectAndPrivate) {
  auto out = RunCataloger(nuget::DirectoryPackagesProps, Fixture("catalog/nuget/cpm"),
                          "Directory.Packages.props");
  const Component* nbgv = out.Find("Nerdbank.GitVersioning");
  ASSERT_NE(nbgv, nullptr);
  EXPECT_EQ(nbgv->scope, Scope::kDirect);
  EXPECT_TRUE(nbgv->dev);
  EXPECT_EQ(nbgv->purl, "pkg:nuget/nerdbank.gitversioning@3.6.143");
}

TEST(DirectoryPackagesProps, ItemWithoutIncludeIsALocatedWarning) {
  auto out = RunCataloger(nuget::DirectoryPackagesProps, Fixture("catalog/nuget/cpm"),
                          "Directory.Packages.props");
  EXPECT_EQ(out.components.size(), 8u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 16u);
}

TEST(DirectoryPackagesProps, TruncatedFileGivesLocatedWarning) {
  testing::TempDir dir;
  dir.Write("Directory.Packages.props",
            "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"A\"");
  auto out = RunCataloger(nuget::DirectoryPackagesProps, dir.path(), "Directory.Packages.props");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 3u);
}

}  // namespace
}  // namespace aisec::catalog
