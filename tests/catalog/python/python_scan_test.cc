// End to end: a tree with several Python manifests for one project goes through aisec::Scan, and
// what the catalogers report separately is merged into one inventory.
#include <gtest/gtest.h>

#include <algorithm>

#include "aisec/aisec.h"
#include "catalog/python/python_test_util.h"
#include "test_util.h"

namespace aisec {
namespace {

class PythonScan : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = Scan({.root = testing::Fixture("catalog/python/scan"), .jobs = 2});
    ASSERT_TRUE(r.ok()) << r.error().message;
    result_ = new ScanResult(std::move(*r));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  static const ScanResult& result() { return *result_; }
  static ScanResult* result_;
};

ScanResult* PythonScan::result_ = nullptr;

TEST_F(PythonScan, OnePackageDeclaredEverywhereIsOneComponent) {
  const Component* openai = result().FindComponent("pkg:pypi/openai@1.54.3");
  ASSERT_NE(openai, nullptr);
  // pyproject.toml, uv.lock, requirements.txt, the notebook and the conda environment.
  std::vector<std::string> paths;
  for (const auto& e : openai->evidence) {
    if (e.method == EvidenceMethod::kManifest || e.method == EvidenceMethod::kLockfile) {
      paths.push_back(e.location.path);
    }
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"env/environment.yml", "notebooks/explore.ipynb",
                                             "service/pyproject.toml", "service/requirements.txt",
                                             "service/uv.lock"}));
  EXPECT_EQ(openai->scope, Scope::kDirect);  // the manifest's scope wins over the lock's
  EXPECT_FALSE(openai->dev);
  EXPECT_EQ(openai->hashes.size(), 1u);  // from uv.lock
  ASSERT_TRUE(openai->ai.has_value());
  EXPECT_EQ(openai->ai->provider, "OpenAI");
  EXPECT_EQ(std::count_if(result().components.begin(), result().components.end(),
                          [](const Component& c) { return c.name == "openai"; }),
            1);
}

TEST_F(PythonScan, ProjectFromManifestAndLockIsOneApplication) {
  const Component* app = result().FindComponent("pkg:pypi/rag-service@0.2.0");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->evidence.size(), 2u);  // pyproject.toml and uv.lock
  EXPECT_TRUE(testing::HasRelation(result().relations, app->Key(), "pkg:pypi/openai@1.54.3"));
  EXPECT_TRUE(testing::HasRelation(result().relations, app->Key(), "pkg:pypi/langchain@0.2.16"));
  EXPECT_TRUE(testing::HasRelation(result().relations, app->Key(), "pkg:pypi/pytest@8.3.3"));
  EXPECT_TRUE(
      testing::HasRelation(result().relations, "pkg:pypi/openai@1.54.3", "pkg:pypi/anyio@4.6.2"));
  // The same edge from pyproject.toml and uv.lock is kept once.
  EXPECT_EQ(std::count(result().relations.begin(), result().relations.end(),
                       Relation{app->Key(), "pkg:pypi/openai@1.54.3", RelationKind::kDependsOn}),
            1);
}

TEST_F(PythonScan, ScopesAndDevFlagsSurviveTheMerge) {
  const Component* pytest = result().FindComponent("pkg:pypi/pytest@8.3.3");
  ASSERT_NE(pytest, nullptr);
  EXPECT_TRUE(pytest->dev);  // dev in pyproject.toml and in uv.lock
  EXPECT_EQ(pytest->scope, Scope::kDirect);
  const Component* anyio = result().FindComponent("pkg:pypi/anyio@4.6.2");
  ASSERT_NE(anyio, nullptr);
  EXPECT_EQ(anyio->scope, Scope::kTransitive);
  // A range in the manifest is the version the lock next to it pinned: one component.
  EXPECT_EQ(result().FindComponent("pkg:pypi/langchain"), nullptr);
  const Component* langchain = result().FindComponent("pkg:pypi/langchain@0.2.16");
  ASSERT_NE(langchain, nullptr);
  EXPECT_FALSE(langchain->version_spec.empty());
  EXPECT_EQ(langchain->scope, Scope::kDirect);
}

TEST_F(PythonScan, EveryFormatContributes) {
  const Component* gunicorn = result().FindComponent("pkg:pypi/gunicorn@23.0.0");  // Dockerfile
  ASSERT_NE(gunicorn, nullptr);
  EXPECT_EQ(testing::Prop(*gunicorn, "aisec:declared-by"), "pip-install");
  EXPECT_NE(result().FindComponent("pkg:pypi/transformers"), nullptr);  // notebook
  EXPECT_NE(result().FindComponent("pkg:conda/numpy"), nullptr);        // conda
  EXPECT_NE(result().FindComponent("application:conda/analysis"), nullptr);
}

const Warning* WarningFor(const ScanResult& r, const std::string& path) {
  for (const auto& w : r.warnings) {
    if (w.location.path == path) return &w;
  }
  return nullptr;
}

TEST_F(PythonScan, MalformedLockIsALocatedWarningAndTheScanGoesOn) {
  const Warning* w = WarningFor(result(), "legacy/Pipfile.lock");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->location.line, 5u);
  EXPECT_EQ(w->source, "python/pipfile-lock");
}

// Two catalogers read notebooks (AI use in code, pip installs); a broken one is reported once.
TEST_F(PythonScan, BrokenNotebookIsReportedOnce) {
  EXPECT_EQ(result().warnings.size(), 2u);  // the lock above and this notebook
  const Warning* w = WarningFor(result(), "notebooks/broken.ipynb");
  ASSERT_NE(w, nullptr);
  EXPECT_GT(w->location.line, 1u);
}

}  // namespace
}  // namespace aisec
