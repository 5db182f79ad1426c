#include <gtest/gtest.h>

#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::Prop;

testing::CatalogOutput Catalog(const std::string& file) {
  return testing::RunCataloger(python::Dockerfile, Fixture("catalog/python/dockerfile"), file);
}

TEST(Dockerfile, ReadsPipInstallInRunChainsWithContinuations) {
  auto out = Catalog("Dockerfile");
  EXPECT_TRUE(out.warnings.empty());
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.54.3");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_EQ(Prop(*openai, "aisec:declared-by"), "pip-install");
  EXPECT_EQ(openai->evidence[0].location.line, 13u);
  // A comment line inside the continued RUN neither ends it nor hides what follows.
  const Component* langchain = out.Find("langchain");
  ASSERT_NE(langchain, nullptr);
  EXPECT_EQ(langchain->version_spec, ">=0.2");
  EXPECT_EQ(langchain->evidence[0].location.line, 15u);
  ASSERT_NE(out.Find("pip"), nullptr);  // pip install --upgrade pip
  EXPECT_EQ(out.Find("pip")->evidence[0].location.line, 11u);
}

TEST(Dockerfile, BuildArgumentVersionsAreNotExact) {
  auto out = Catalog("Dockerfile");
  const Component* torch = out.Find("torch");
  ASSERT_NE(torch, nullptr);
  EXPECT_EQ(torch->version, "");
  EXPECT_EQ(torch->version_spec, "==${TORCH_VERSION}");
  EXPECT_EQ(torch->purl, "pkg:pypi/torch");
}

TEST(Dockerfile, ReadsFlagsExecFormHeredocsAndOnbuild) {
  auto out = Catalog("Dockerfile");
  EXPECT_EQ(out.Find("vllm")->version, "0.6.1");  // RUN --mount=… python3 -m pip
  EXPECT_EQ(out.Find("vllm")->evidence[0].location.line, 19u);
  EXPECT_EQ(out.Find("fastapi")->version, "0.115.0");  // exec form
  EXPECT_EQ(Prop(*out.Find("uvicorn"), "aisec:extras"), "standard");
  EXPECT_EQ(out.Find("qdrant-client")->evidence[0].location.line, 24u);  // heredoc, uv pip
  EXPECT_EQ(out.Find("sentencepiece")->evidence[0].location.line, 26u);
  EXPECT_EQ(out.Find("tokenizers")->evidence[0].location.line, 29u);
}

TEST(Dockerfile, OnlyRunInstructionsInstall) {
  auto out = Catalog("Dockerfile");
  EXPECT_EQ(out.Find("not-at-build-time"), nullptr);   // CMD runs in the container
  EXPECT_EQ(out.Find("not-a-heredoc-body"), nullptr);  // "1<<2" opened no heredoc
  EXPECT_EQ(out.Find("requirements-txt"), nullptr);    // -r is cataloged on its own
  EXPECT_EQ(out.components.size(), 10u);
}

TEST(Dockerfile, EscapeDirectiveAndBrokenExecForm) {
  auto out = Catalog("windows.dockerfile");
  const Component* numpy = out.Find("numpy");
  ASSERT_NE(numpy, nullptr);
  EXPECT_EQ(numpy->version, "2.1.1");
  EXPECT_EQ(numpy->evidence[0].location.line, 4u);
  EXPECT_EQ(out.components.size(), 1u);  // the local wheel is not a package name
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 6u);
}

}  // namespace
}  // namespace aisec::catalog
