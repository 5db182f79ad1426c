#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Chatbot() {
  return RunCataloger(ruby::Gemfile, Fixture("catalog/ruby/chatbot"), "Gemfile");
}

TEST(Gemfile, ReadsNamesConstraintsAndLines) {
  auto out = Chatbot();
  const Component* rails = out.Find("rails");
  ASSERT_NE(rails, nullptr);
  EXPECT_EQ(rails->version, "");
  EXPECT_EQ(rails->version_spec, "~> 7.1.3");
  EXPECT_EQ(rails->purl, "pkg:gem/rails");
  EXPECT_EQ(rails->ecosystem, "gem");
  EXPECT_EQ(rails->evidence[0].location.line, 8u);
  EXPECT_EQ(rails->evidence[0].snippet, "gem \"rails\", \"~> 7.1.3\"");
  EXPECT_EQ(out.Find("ruby-openai")->version_spec, ">= 6.0, < 8");
  const Component* lc = out.Find("langchainrb");
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->version, "0.16.0");
  EXPECT_EQ(lc->purl, "pkg:gem/langchainrb@0.16.0");
  EXPECT_EQ(out.Find("pg")->version, "1.5.6");
  const Component* pgvector = out.Find("pgvector");  // arguments continued on the next line
  ASSERT_NE(pgvector, nullptr);
  EXPECT_EQ(pgvector->version, "0.2.2");
  EXPECT_EQ(pgvector->evidence[0].location.line, 16u);
}

TEST(Gemfile, CommentsAreNotDeclarations) {
  auto out = Chatbot();
  EXPECT_NE(out.Find("anthropic"), nullptr);
  EXPECT_EQ(out.Find("not-a-gem"), nullptr);
  EXPECT_EQ(out.Find("inside-block-comment"), nullptr);
}

TEST(Gemfile, GroupsDecideDevFlags) {
  auto out = Chatbot();
  EXPECT_TRUE(out.Find("rspec-rails")->dev);
  EXPECT_EQ(out.Find("rspec-rails")->properties.at("aisec:gem-groups"), "development,test");
  EXPECT_TRUE(out.Find("factory_bot_rails")->dev);
  EXPECT_TRUE(out.Find("web-console")->dev);
  EXPECT_TRUE(out.Find("debug")->dev);     // group: option
  EXPECT_FALSE(out.Find("lograge")->dev);  // also in production
  EXPECT_FALSE(out.Find("rails")->dev);
  EXPECT_FALSE(out.Find("activerecord-jdbcpostgresql-adapter")->dev);  // platforms block
}

TEST(Gemfile, SourcesAndOptions) {
  auto out = Chatbot();
  const Component* tiktoken = out.Find("tiktoken_ruby");
  ASSERT_NE(tiktoken, nullptr);
  EXPECT_EQ(tiktoken->properties.at("aisec:gem-git"),
            "https://github.com/IAPark/tiktoken_ruby.git");
  EXPECT_EQ(tiktoken->properties.at("aisec:gem-branch"), "main");
  EXPECT_EQ(out.Find("local_tools")->properties.at("aisec:gem-path"), "../local_tools");
  EXPECT_NE(out.Find("sidekiq"), nullptr);   // hash-rocket options
  EXPECT_NE(out.Find("bootsnap"), nullptr);  // modifier if: declared all the same
  EXPECT_EQ(out.Find("tokenizers")->version, "0.5.3");
}

TEST(Gemfile, ProjectComponentRelationsAndWarnings) {
  auto out = Chatbot();
  const Component* app = out.Find("chatbot");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_NE(std::find(out.relations.begin(), out.relations.end(),
                      Relation{app->Key(), "pkg:gem/langchainrb@0.16.0"}),
            out.relations.end());
  EXPECT_EQ(out.components.size(), 18u);  // the project and 17 gems
  ASSERT_EQ(out.warnings.size(), 1u);     // the interpolated name
  EXPECT_EQ(out.warnings[0].location.line, 42u);
}

TEST(Gemfile, MalformedFilesGiveLocatedWarnings) {
  auto root = Fixture("catalog/ruby/malformed");
  auto str = RunCataloger(ruby::Gemfile, root, "unterminated_string.Gemfile");
  ASSERT_EQ(str.warnings.size(), 1u);
  EXPECT_EQ(str.warnings[0].location.line, 3u);
  auto comment = RunCataloger(ruby::Gemfile, root, "unterminated_comment.Gemfile");
  ASSERT_EQ(comment.warnings.size(), 1u);
  EXPECT_EQ(comment.warnings[0].location.line, 2u);
  auto utf8 = RunCataloger(ruby::Gemfile, root, "invalid_utf8.Gemfile");
  ASSERT_EQ(utf8.warnings.size(), 1u);
  EXPECT_EQ(utf8.warnings[0].location.line, 2u);
  EXPECT_NE(utf8.Find("rails"), nullptr);
  auto deep = RunCataloger(ruby::Gemfile, root, "deep_nesting.Gemfile");
  ASSERT_EQ(deep.warnings.size(), 1u);
  EXPECT_EQ(deep.warnings[0].location.line, 257u);
  ASSERT_NE(deep.Find("deep"), nullptr);
  EXPECT_TRUE(deep.Find("deep")->dev);
}

TEST(Gemfile, HugeGemfileIsCapped) {
  testing::TempDir dir;
  std::string gemfile;
  for (int i = 0; i < 20010; ++i) gemfile += "gem \"g" + std::to_string(i) + "\"\n";
  dir.Write("Gemfile", gemfile);
  auto out = RunCataloger(ruby::Gemfile, dir.path(), "Gemfile");
  EXPECT_EQ(out.components.size(), 20001u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 20001u);
}

}  // namespace
}  // namespace aisec::catalog
