#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Worker() {
  return RunCataloger(nuget::PackagesConfig, Fixture("catalog/nuget/legacy"),
                      "Worker/packages.config");
}

TEST(PackagesConfig, ReadsPackagesWithExactVersions) {
  auto out = Worker();
  const Component* ml = out.Find("Microsoft.ML");
  ASSERT_NE(ml, nullptr);
  EXPECT_EQ(ml->version, "3.0.1");
  EXPECT_EQ(ml->purl, "pkg:nuget/microsoft.ml@3.0.1");
  EXPECT_EQ(ml->properties.at("aisec:nuget-target-framework"), "net48");
  EXPECT_EQ(ml->evidence[0].location.line, 4u);
  EXPECT_EQ(ml->evidence[0].method, EvidenceMethod::kManifest);
  const Component* openai = out.Find("OpenAI");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.11.0");
  EXPECT_EQ(openai->version_spec, "[1,2)");
}

TEST(PackagesConfig, DevelopmentDependenciesAreDev) {
  auto out = Worker();
  EXPECT_TRUE(out.Find("Microsoft.CodeAnalysis.NetAnalyzers")->dev);
  EXPECT_FALSE(out.Find("Newtonsoft.Json")->dev);
}

TEST(PackagesConfig, ProjectComponentAndRelations) {
  auto out = Worker();
  const Component* app = out.Find("Worker");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(std::count_if(out.relations.begin(), out.relations.end(),
                          [&](const Relation& r) { return r.from == app->Key(); }),
            4);
  ASSERT_EQ(out.warnings.size(), 1u);  // the package without id
  EXPECT_EQ(out.warnings[0].location.line, 7u);
}

TEST(PackagesConfig, TruncatedFileGivesLocatedWarning) {
  auto out =
      RunCataloger(nuget::PackagesConfig, Fixture("catalog/nuget/malformed"), "packages.config");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 4u);
}

}  // namespace
}  // namespace aisec::catalog
