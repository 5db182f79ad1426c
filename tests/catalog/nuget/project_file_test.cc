#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Api() {
  return RunCataloger(nuget::ProjectFile, Fixture("catalog/nuget/cpm"),
                      "src/Assistant.Api/Assistant.Api.csproj");
}

TEST(ProjectFile, TakesVersionsFromDirectoryPackagesProps) {
  auto out = Api();
  const Component* sk = out.Find("Microsoft.SemanticKernel");
  ASSERT_NE(sk, nullptr);
  EXPECT_EQ(sk->version, "1.21.1");  // $(SemanticKernelVersion) in the props file
  EXPECT_EQ(sk->purl, "pkg:nuget/microsoft.semantickernel@1.21.1");
  EXPECT_EQ(sk->ecosystem, "nuget");
  EXPECT_EQ(sk->properties.at("aisec:version-from"), "Directory.Packages.props");
  EXPECT_EQ(out.Find("Microsoft.ML.OnnxRuntime")->version, "1.19.2");
  EXPECT_EQ(out.Find("Serilog")->version, "4.0.1");  // [4.0.1] is exact
  EXPECT_EQ(out.Find("Polly")->version, "8.4.1");    // <Version> as a child element
  const Component* unmanaged = out.Find("Not.Centrally.Managed");
  ASSERT_NE(unmanaged, nullptr);
  EXPECT_EQ(unmanaged->version, "");
  EXPECT_EQ(unmanaged->purl, "pkg:nuget/not.centrally.managed");
}

TEST(ProjectFile, VersionOverrideAndProperties) {
  auto out = Api();
  const Component* aoai = out.Find("Azure.AI.OpenAI");
  ASSERT_NE(aoai, nullptr);
  EXPECT_EQ(aoai->version, "2.1.0-beta.1");
  EXPECT_EQ(aoai->properties.count("aisec:version-from"), 0u);
  EXPECT_EQ(out.Find("Microsoft.ML.Tokenizers")->version, "0.21.1");
  const Component* undefined = out.Find("Undefined.Property");
  ASSERT_NE(undefined, nullptr);
  EXPECT_EQ(undefined->version, "");
  EXPECT_EQ(undefined->version_spec, "$(NoSuchVersion)");
  EXPECT_EQ(out.Find("Swashbuckle.AspNetCore")->version_spec, "6.*");
}

TEST(ProjectFile, PrivateAssetsAreDevelopmentOnly) {
  auto out = Api();
  const Component* stylecop = out.Find("StyleCop.Analyzers");
  ASSERT_NE(stylecop, nullptr);
  EXPECT_TRUE(stylecop->dev);
  EXPECT_EQ(stylecop->properties.at("aisec:private-assets"), "all");
  EXPECT_FALSE(out.Find("Polly")->dev);
}

TEST(ProjectFile, TestProjectsAreDevelopmentOnly) {
  auto out = RunCataloger(nuget::ProjectFile, Fixture("catalog/nuget/cpm"),
                          "tests/Assistant.Tests/Assistant.Tests.fsproj");
  const Component* xunit = out.Find("xunit");
  ASSERT_NE(xunit, nullptr);
  EXPECT_TRUE(xunit->dev);
  EXPECT_EQ(xunit->version, "2.9.0");
  EXPECT_EQ(xunit->properties.at("aisec:version-from"), "Directory.Packages.props");
}

TEST(ProjectFile, ProjectComponentRelationsAndEvidence) {
  auto out = Api();
  const Component* app = out.Find("Example.Assistant.Api");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->version, "0.7.0");
  const Component* sk = out.Find("Microsoft.SemanticKernel");
  EXPECT_NE(std::find(out.relations.begin(), out.relations.end(), Relation{app->Key(), sk->Key()}),
            out.relations.end());
  EXPECT_EQ(sk->evidence[0].location.path, "src/Assistant.Api/Assistant.Api.csproj");
  EXPECT_EQ(sk->evidence[0].location.line, 12u);
  EXPECT_EQ(sk->evidence[0].snippet, "<PackageReference Include=\"Microsoft.SemanticKernel\" />");
  EXPECT_EQ(out.Find("StyleCop.Analyzers")->evidence[0].location.line, 19u);
  EXPECT_EQ(out.Find("Commented.Out"), nullptr);
  // The Update item changes nothing here, and the item without Include is a located warning.
  EXPECT_EQ(sk->version, "1.21.1");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 26u);
}

TEST(ProjectFile, NamesAreCaseInsensitiveAndNameFallsBackToTheFile) {
  auto out =
      RunCataloger(nuget::ProjectFile, Fixture("catalog/nuget/legacy"), "Worker/Worker.vbproj");
  const Component* torch = out.Find("TorchSharp");
  ASSERT_NE(torch, nullptr);
  EXPECT_EQ(torch->version, "0.103.0");
  const Component* app = out.Find("Worker");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
}

TEST(ProjectFile, MalformedFilesGiveLocatedWarnings) {
  auto root = Fixture("catalog/nuget/malformed");
  auto truncated = RunCataloger(nuget::ProjectFile, root, "Truncated.csproj");
  EXPECT_TRUE(truncated.components.empty());
  ASSERT_EQ(truncated.warnings.size(), 1u);
  EXPECT_GE(truncated.warnings[0].location.line, 14u);
  auto deep = RunCataloger(nuget::ProjectFile, root, "DeepNesting.csproj");
  ASSERT_EQ(deep.warnings.size(), 1u);
  EXPECT_NE(deep.warnings[0].message.find("nesting"), std::string::npos);
  auto utf8 = RunCataloger(nuget::ProjectFile, root, "InvalidUtf8.csproj");
  ASSERT_EQ(utf8.warnings.size(), 1u);
  EXPECT_EQ(utf8.warnings[0].location.line, 3u);
  EXPECT_NE(utf8.Find("OpenAI"), nullptr);
  auto notxml = RunCataloger(nuget::ProjectFile, root, "NotXml.csproj");
  ASSERT_EQ(notxml.warnings.size(), 1u);
  EXPECT_EQ(notxml.warnings[0].location.line, 1u);
}

TEST(ProjectFile, HugeProjectIsCapped) {
  testing::TempDir dir;
  std::string proj = "<Project><ItemGroup>\n";
  for (int i = 0; i < 20005; ++i) {
    proj += "<PackageReference Include=\"P" + std::to_string(i) + "\" Version=\"1.0.0\" />\n";
  }
  proj += "</ItemGroup></Project>\n";
  dir.Write("Big.csproj", proj);
  auto out = RunCataloger(nuget::ProjectFile, dir.path(), "Big.csproj");
  EXPECT_EQ(out.components.size(), 20001u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 20002u);
}

TEST(ProjectFile, DirectoryBuildPropsHasNoProjectOfItsOwn) {
  auto out =
      RunCataloger(nuget::ProjectFile, Fixture("catalog/nuget/cpm"), "Directory.Build.props");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].name, "Microsoft.SourceLink.GitHub");
  EXPECT_TRUE(out.components[0].dev);  // PrivateAssets="All"
  EXPECT_TRUE(out.relations.empty());
}

TEST(ProjectFile, ScanMergesCentralVersionsWithReferences) {
  auto r = testing::RunAisec({"scan", Fixture("catalog/nuget/cpm").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> by_name;
  auto doc = nlohmann::json::parse(r.out);
  for (const auto& c : doc["components"]) by_name[c["name"]] = c;
  const auto& sk = by_name["Microsoft.SemanticKernel"];
  EXPECT_EQ(sk["scope"], "direct");
  EXPECT_EQ(sk["evidence"].size(), 2u);
  EXPECT_EQ(by_name["Microsoft.ML.OnnxRuntime"]["version"], "1.19.2");
}

// Issue 5: PackageLicenseExpression, and PackageLicenseFile that only names a file.
TEST(ProjectFile, PackageLicence) {
  auto expr = RunCataloger(nuget::ProjectFile, Fixture("catalog/nuget/licenses"), "Expr.csproj");
  ASSERT_NE(expr.Find("Acme.Agent"), nullptr);
  EXPECT_EQ(expr.Find("Acme.Agent")->licenses, std::vector<std::string>{"MIT OR GPL-3.0-only"});
  auto file = RunCataloger(nuget::ProjectFile, Fixture("catalog/nuget/licenses"), "File.csproj");
  ASSERT_NE(file.Find("Acme.Custom"), nullptr);
  EXPECT_EQ(file.Find("Acme.Custom")->licenses, std::vector<std::string>{"LicenseRef-see-license-file"});
}

}  // namespace
}  // namespace aisec::catalog
