#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& file) {
  return testing::RunCataloger(python::JupyterNotebook, Fixture("catalog/python/notebook"), file);
}

TEST(JupyterNotebook, ReadsPipMagicsAndShellEscapes) {
  auto out = Catalog("install.ipynb");
  EXPECT_TRUE(out.warnings.empty());
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.54.3");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_EQ(Prop(*openai, "aisec:declared-by"), "pip-install");
  EXPECT_EQ(Prop(*openai, "aisec:cell"), "2");
  EXPECT_EQ(openai->evidence[0].location.path, "install.ipynb");
  EXPECT_EQ(openai->evidence[0].location.line, 19u);  // the notebook file's line
  EXPECT_EQ(out.Find("langchain")->version_spec, ">=0.2");
}

TEST(JupyterNotebook, FollowsContinuationsToTheRightLine) {
  auto out = Catalog("install.ipynb");
  const Component* transformers = out.Find("transformers");
  ASSERT_NE(transformers, nullptr);
  EXPECT_EQ(transformers->evidence[0].location.line, 39u);
  const Component* accelerate = out.Find("accelerate");
  ASSERT_NE(accelerate, nullptr);
  EXPECT_EQ(accelerate->evidence[0].location.line, 40u);
  EXPECT_EQ(accelerate->version_spec, ">=0.30");
  EXPECT_EQ(Prop(*accelerate, "aisec:cell"), "3");
}

TEST(JupyterNotebook, ReadsPythonDashMAndUvPip) {
  auto out = Catalog("install.ipynb");
  ASSERT_NE(out.Find("tiktoken"), nullptr);
  EXPECT_EQ(out.Find("tiktoken")->evidence[0].location.line, 52u);
  ASSERT_NE(out.Find("polars"), nullptr);
  EXPECT_EQ(out.Find("polars")->evidence[0].location.line, 73u);
}

TEST(JupyterNotebook, IgnoresMarkdownCommentsStringsAndOutputs) {
  auto out = Catalog("install.ipynb");
  EXPECT_EQ(out.Find("not-from-markdown"), nullptr);
  EXPECT_EQ(out.Find("commented-out"), nullptr);
  EXPECT_EQ(out.Find("not-a-command"), nullptr);
  EXPECT_EQ(out.Find("ok"), nullptr);
  EXPECT_EQ(out.Find("requirements-txt"), nullptr);
  EXPECT_EQ(out.components.size(), 6u);
  EXPECT_TRUE(out.relations.empty());
}

TEST(JupyterNotebook, ReadsNbformat3Input) {
  auto out = Catalog("v3.ipynb");
  const Component* sk = out.Find("scikit-learn");
  ASSERT_NE(sk, nullptr);
  EXPECT_EQ(sk->version, "1.5.2");
  EXPECT_EQ(sk->evidence[0].location.line, 19u);
  EXPECT_EQ(out.components.size(), 1u);
}

TEST(JupyterNotebook, ReadsSourceWrittenAsOneString) {
  auto out = Catalog("string_source.ipynb");
  const Component* st = out.Find("sentence-transformers");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->evidence[0].location.line, 8u);    // the line of the string
  const Component* faiss = out.Find("faiss-cpu");  // the next cell's own string
  ASSERT_NE(faiss, nullptr);
  EXPECT_EQ(faiss->evidence[0].location.line, 15u);
  EXPECT_EQ(testing::Prop(*faiss, "aisec:cell"), "2");
}

TEST(JupyterNotebook, UnlocatableSourceStillYieldsPackages) {
  auto out = Catalog("escaped_key.ipynb");
  EXPECT_TRUE(out.warnings.empty());
  ASSERT_NE(out.Find("one"), nullptr);
  ASSERT_NE(out.Find("two"), nullptr);
  EXPECT_EQ(out.Find("one")->evidence[0].location.line, 0u);  // unknown, not wrong
  EXPECT_EQ(out.Find("two")->evidence[0].location.line, 0u);
  EXPECT_EQ(testing::Prop(*out.Find("two"), "aisec:cell"), "2");
}

// code/notebook reports broken notebooks (see PythonScan.BrokenNotebookIsReportedOnce).
TEST(JupyterNotebook, MalformedNotebooksAreNotReportedTwice) {
  for (const char* file : {"truncated.ipynb", "not_a_notebook.ipynb", "no_pip_truncated.ipynb"}) {
    auto out = Catalog(file);
    EXPECT_TRUE(out.components.empty()) << file;
    EXPECT_TRUE(out.warnings.empty()) << file;
  }
}

}  // namespace
}  // namespace aisec::catalog
