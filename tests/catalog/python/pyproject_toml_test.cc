#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;
using testing::RunCataloger;

testing::CatalogOutput Catalog(const std::string& dir) {
  return RunCataloger(python::PyprojectToml, Fixture("catalog/python/pyproject/" + dir),
                      "pyproject.toml");
}

TEST(PyprojectToml, ReadsPep621DependenciesAndExtras) {
  auto out = Catalog("pep621");
  EXPECT_TRUE(out.warnings.empty());
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version_spec, ">=1.40,<2");
  EXPECT_EQ(openai->purl, "pkg:pypi/openai");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_FALSE(openai->dev);
  EXPECT_EQ(openai->evidence[0].location.line, 11u);
  EXPECT_EQ(openai->evidence[0].snippet, "\"openai>=1.40,<2\",");

  const Component* core = out.Find("langchain-core");
  ASSERT_NE(core, nullptr);
  EXPECT_EQ(core->version, "0.2.38");
  EXPECT_EQ(core->purl, "pkg:pypi/langchain-core@0.2.38");

  const Component* numpy = out.Find("numpy");
  ASSERT_NE(numpy, nullptr);
  EXPECT_EQ(Prop(*numpy, "aisec:marker"), "python_version >= '3.12'");
  const Component* mylib = out.Find("mylib");
  ASSERT_NE(mylib, nullptr);
  EXPECT_EQ(Prop(*mylib, "aisec:url"), "git+https://github.com/example/mylib.git@v1.2.0");

  const Component* torch = out.Find("torch");
  ASSERT_NE(torch, nullptr);
  EXPECT_EQ(torch->version, "2.4.1");
  EXPECT_EQ(torch->scope, Scope::kDirect);
  EXPECT_EQ(Prop(*torch, "aisec:extra"), "gpu");
  EXPECT_FALSE(torch->dev);
  const Component* transformers = out.Find("transformers");
  ASSERT_NE(transformers, nullptr);
  EXPECT_EQ(Prop(*transformers, "aisec:extras"), "torch");
  EXPECT_EQ(Prop(*out.Find("chromadb"), "aisec:extra"), "vector");
  EXPECT_EQ(out.Find("hatchling"), nullptr);  // build requirements are not dependencies
}

TEST(PyprojectToml, ResolvesDependencyGroupIncludes) {
  auto out = Catalog("pep621");
  const Component* pytest = out.Find("pytest");
  ASSERT_NE(pytest, nullptr);
  EXPECT_TRUE(pytest->dev);
  EXPECT_EQ(Prop(*pytest, "aisec:group"), "dev,test");  // included by dev
  EXPECT_EQ(pytest->evidence[0].location.line, 23u);    // where it is written
  EXPECT_EQ(testing::FindAll(out.components, "pytest").size(), 1u);
  EXPECT_EQ(Prop(*out.Find("ruff"), "aisec:group"), "dev,lint");
  EXPECT_EQ(out.Find("ruff")->version, "0.6.4");
  EXPECT_EQ(Prop(*out.Find("ipython"), "aisec:group"), "dev");
}

TEST(PyprojectToml, ReadsUvAndPdmDevDependencies) {
  auto out = Catalog("pep621");
  const Component* mypy = out.Find("mypy");
  ASSERT_NE(mypy, nullptr);
  EXPECT_TRUE(mypy->dev);
  EXPECT_EQ(mypy->evidence[0].location.line, 32u);
  const Component* mkdocs = out.Find("mkdocs-material");
  ASSERT_NE(mkdocs, nullptr);
  EXPECT_TRUE(mkdocs->dev);
  EXPECT_EQ(Prop(*mkdocs, "aisec:group"), "docs");
  const Component* plugin = out.Find("local-plugin");  // "-e …#egg=local-plugin"
  ASSERT_NE(plugin, nullptr);
  EXPECT_TRUE(plugin->dev);
}

TEST(PyprojectToml, EmitsTheProjectWithRelations) {
  auto out = Catalog("pep621");
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->name, "demo-agent");
  EXPECT_EQ(app->version, "0.3.1");
  EXPECT_EQ(app->purl, "pkg:pypi/demo-agent@0.3.1");
  EXPECT_EQ(app->evidence[0].location.line, 6u);
  // One relation per dependency: 5 main, 3 optional, 4 groups, 1 uv, 2 pdm.
  EXPECT_EQ(out.relations.size(), 15u);
  EXPECT_EQ(out.components.size(), 16u);
  EXPECT_TRUE(testing::HasRelation(out.relations, app->Key(), "pkg:pypi/openai"));
  EXPECT_TRUE(testing::HasRelation(out.relations, app->Key(), "pkg:pypi/torch@2.4.1"));
}

TEST(PyprojectToml, ReadsPoetryDependencies) {
  auto out = Catalog("poetry");
  EXPECT_TRUE(out.warnings.empty());
  EXPECT_EQ(out.Find("python"), nullptr);
  const Component* app = testing::FindApp(out.components);
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->purl, "pkg:pypi/chat-service@1.4.0");

  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version_spec, "^1.30");  // caret kept as written
  EXPECT_EQ(openai->evidence[0].location.line, 9u);
  EXPECT_EQ(out.Find("anthropic")->version_spec, "~0.34.2");
  EXPECT_EQ(out.Find("fastapi")->version_spec, ">=0.110,<0.116");
  EXPECT_EQ(out.Find("pydantic")->version, "2.8.2");  // a bare version is an exact pin
  EXPECT_EQ(out.Find("requests")->version_spec, "");

  const Component* langchain = out.Find("langchain");
  ASSERT_NE(langchain, nullptr);
  EXPECT_EQ(Prop(*langchain, "aisec:extras"), "openai");
  EXPECT_EQ(Prop(*langchain, "aisec:optional"), "true");
  EXPECT_EQ(Prop(*langchain, "aisec:extra"), "rag");
  EXPECT_EQ(Prop(*out.Find("sentence-transformers"), "aisec:marker"),
            "platform_machine == 'x86_64'");

  auto torch = testing::FindAll(out.components, "torch");
  ASSERT_EQ(torch.size(), 2u);  // one per constraint in the list
  EXPECT_EQ(torch[0]->evidence[0].location.line, 17u);
  EXPECT_EQ(torch[1]->evidence[0].location.line, 18u);
  EXPECT_EQ(Prop(*torch[1], "aisec:index"), "pytorch-cpu");

  const Component* sdk = out.Find("internal-sdk");
  ASSERT_NE(sdk, nullptr);
  EXPECT_EQ(Prop(*sdk, "aisec:url"), "https://github.com/example/internal-sdk.git");
  EXPECT_EQ(Prop(*sdk, "aisec:git-ref"), "v0.9.0");
  EXPECT_EQ(Prop(*out.Find("shared-utils"), "aisec:path"), "../shared");
}

TEST(PyprojectToml, PoetryGroupsAreDev) {
  auto out = Catalog("poetry");
  for (const char* name : {"pytest", "black", "mkdocs", "flake8"}) {
    const Component* c = out.Find(name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_TRUE(c->dev) << name;
  }
  EXPECT_EQ(Prop(*out.Find("mkdocs"), "aisec:group"), "docs");
  EXPECT_EQ(Prop(*out.Find("flake8"), "aisec:group"), "dev");
  EXPECT_EQ(out.Find("black")->version, "24.8.0");
  EXPECT_FALSE(out.Find("openai")->dev);
}

TEST(PyprojectToml, GroupCyclesAndUnknownIncludesAreWarnings) {
  auto out = Catalog("groups_cycle");
  EXPECT_EQ(testing::WarningLines(out.warnings), (std::vector<uint32_t>{7, 8, 9}));
  EXPECT_EQ(Prop(*out.Find("alpha"), "aisec:group"), "a,b");
  EXPECT_EQ(Prop(*out.Find("gamma"), "aisec:group"), "c");
}

TEST(PyprojectToml, MalformedTomlIsOneLocatedWarning) {
  testing::ExpectOnlyWarningAt(Catalog("malformed"), 7, "python/pyproject");
}

TEST(PyprojectToml, WrongValueTypesAreWarnedAndSkipped) {
  auto out = Catalog("bad_types");
  EXPECT_EQ(testing::WarningLines(out.warnings), (std::vector<uint32_t>{3, 6, 6, 9}));
  EXPECT_NE(out.Find("valid-one"), nullptr);
  EXPECT_NE(out.Find("fine"), nullptr);
  EXPECT_EQ(out.Find("openai"), nullptr);
}

TEST(PyprojectToml, InvalidUtf8IsAWarning) {
  testing::ExpectOnlyWarningAt(Catalog("invalid_utf8"), 2, "python/pyproject");
}

TEST(PyprojectToml, ToolSettingsAloneDescribeNoProject) {
  auto out = Catalog("tool_only");
  EXPECT_TRUE(out.components.empty());
  EXPECT_TRUE(out.warnings.empty());
}

TEST(PyprojectToml, DeepNestingIsRefused) {
  auto out = Catalog("deep_nesting");
  testing::ExpectOnlyWarningAt(out, 0, "python/pyproject");  // refused before parsing: no line
  EXPECT_NE(out.warnings[0].message.find("nesting"), std::string::npos);
}

TEST(PyprojectToml, FileOverTheSizeLimitIsAWarning) {
  testing::TempDir dir;
  auto path = dir.Write("pyproject.toml", "[project]\n");
  std::filesystem::resize_file(path, source::kDefaultMaxTextFile + 1);  // sparse
  auto out = RunCataloger(python::PyprojectToml, dir.path(), "pyproject.toml");
  testing::ExpectOnlyWarningAt(out, 0, "python/pyproject");
  EXPECT_EQ(out.warnings[0].location.path, "pyproject.toml");
}

// Issue 5: the project's licence, in each form pyproject.toml writes it.
TEST(PyprojectToml, ProjectLicenceInEveryForm) {
  auto lic = [](const char* dir, const char* name) {
    auto out = RunCataloger(python::PyprojectToml, Fixture(std::string("catalog/python/licenses/") + dir),
                            "pyproject.toml");
    const Component* c = out.Find(name);
    EXPECT_NE(c, nullptr) << dir;
    if (c) EXPECT_EQ(c->kind, ComponentKind::kApplication);
    return c ? c->licenses : std::vector<std::string>{"<none>"};
  };
  EXPECT_EQ(lic("pep639", "my-app"), std::vector<std::string>{"AGPL-3.0-only"});
  EXPECT_EQ(lic("table_text", "tabled"), std::vector<std::string>{"GNU GPLv3"});
  EXPECT_EQ(lic("table_file", "filed"), std::vector<std::string>{"LicenseRef-see-license-file"});
  EXPECT_EQ(lic("poetry", "poetic"), std::vector<std::string>{"MIT"});
}

}  // namespace
}  // namespace aisec::catalog
