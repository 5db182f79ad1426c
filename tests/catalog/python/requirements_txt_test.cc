#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(RequirementsTxt, ReadsPinsRangesHashesAndIncludes) {
  auto out = RunCataloger(python::RequirementsTxt, Fixture("catalog/python/requirements"),
                          "requirements.txt");
  const Component* openai = out.Find("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "1.54.3");
  EXPECT_EQ(openai->purl, "pkg:pypi/openai@1.54.3");
  ASSERT_EQ(openai->hashes.size(), 1u);
  EXPECT_EQ(openai->hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(openai->evidence[0].location.line, 5u);

  const Component* lc = out.Find("langchain");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->version, "");
  EXPECT_EQ(lc->version_spec, ">=0.2,<0.3");
  EXPECT_EQ(lc->properties.at("aisec:extras"), "openai");
  EXPECT_EQ(lc->properties.at("aisec:marker"), "python_version >= \"3.9\"");

  ASSERT_NE(out.Find("transformers"), nullptr);  // normalised name
  const Component* torch = out.Find("torch");
  ASSERT_NE(torch, nullptr);
  EXPECT_EQ(torch->version, "2.3.1");  // pinned by the -c constraints file

  const Component* numpy = out.Find("numpy");  // from the -r include
  ASSERT_NE(numpy, nullptr);
  EXPECT_EQ(numpy->evidence[0].location.path, "requirements-base.in");
  EXPECT_NE(out.Find("example-tools"), nullptr);  // -e ...#egg=

  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 11u);
}

TEST(RequirementsTxt, IncludeOutsideRootIsNotFollowed) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "-r ../../etc/passwd\nopenai\n");
  auto out = RunCataloger(python::RequirementsTxt, dir.path(), "requirements.txt");
  EXPECT_EQ(out.components.size(), 1u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("outside"), std::string::npos);
}

TEST(RequirementsTxt, IncludeCyclesTerminate) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "-r requirements-b.txt\na\n");
  dir.Write("requirements-b.txt", "-r requirements.txt\nb\n");
  auto out = RunCataloger(python::RequirementsTxt, dir.path(), "requirements.txt");
  EXPECT_EQ(out.components.size(), 2u);
}

}  // namespace
}  // namespace aisec::catalog
