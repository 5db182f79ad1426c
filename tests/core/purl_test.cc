#include "core/purl.h"

#include <gtest/gtest.h>

namespace aisec {
namespace {

TEST(Purl, NormalisesPypiNames) {
  EXPECT_EQ(MakePurl("pypi", "Sentence_Transformers", "2.2.2"), "pkg:pypi/sentence-transformers@2.2.2");
  EXPECT_EQ(NormalizePackageName("pypi", "zope.interface__x"), "zope-interface-x");
}

TEST(Purl, EncodesNpmScope) {
  EXPECT_EQ(MakePurl("npm", "@ai-sdk/openai", "1.0.0"), "pkg:npm/%40ai-sdk/openai@1.0.0");
}

TEST(Purl, SplitsMavenAndGoNamespaces) {
  EXPECT_EQ(MakePurl("maven", "dev.langchain4j:langchain4j", "0.35.0"),
            "pkg:maven/dev.langchain4j/langchain4j@0.35.0");
  EXPECT_EQ(MakePurl("golang", "github.com/sashabaranov/go-openai", "v1.20.0"),
            "pkg:golang/github.com/sashabaranov/go-openai@v1.20.0");
  EXPECT_EQ(MakePurl("huggingface", "meta-llama/Llama-3.1-8B"),
            "pkg:huggingface/meta-llama/Llama-3.1-8B");
}

TEST(Purl, EncodesVersionAndQualifiers) {
  Purl p{.type = "pypi", .name = "torch", .version = "2.1.0+cu118",
         .qualifiers = {{"repository_url", "https://download.pytorch.org/whl"}}};
  EXPECT_EQ(p.ToString(), "pkg:pypi/torch@2.1.0%2Bcu118?repository_url=https%3A//download.pytorch.org/whl");
}

TEST(Purl, ParsesWhatItPrints) {
  auto p = Purl::Parse("pkg:npm/%40ai-sdk/openai@1.0.0?x=1#sub/path");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->type, "npm");
  EXPECT_EQ(p->ns, "@ai-sdk");
  EXPECT_EQ(p->name, "openai");
  EXPECT_EQ(p->version, "1.0.0");
  EXPECT_EQ(p->subpath, "sub/path");
  EXPECT_FALSE(Purl::Parse("npm/x").ok());
  EXPECT_FALSE(Purl::Parse("pkg:npm").ok());
}

}  // namespace
}  // namespace aisec
