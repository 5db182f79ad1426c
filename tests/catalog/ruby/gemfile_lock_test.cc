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

testing::CatalogOutput Lock() {
  return RunCataloger(ruby::GemfileLock, Fixture("catalog/ruby/chatbot"), "Gemfile.lock");
}

bool Has(const testing::CatalogOutput& out, const std::string& from, const std::string& to) {
  return std::find(out.relations.begin(), out.relations.end(), Relation{from, to}) !=
         out.relations.end();
}

TEST(GemfileLock, ReadsSpecsWithVersionsAndLines) {
  auto out = Lock();
  const Component* openai = out.Find("ruby-openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "7.3.1");
  EXPECT_EQ(openai->purl, "pkg:gem/ruby-openai@7.3.1");
  EXPECT_EQ(openai->scope, Scope::kDirect);
  EXPECT_EQ(openai->evidence[0].location.line, 42u);
  EXPECT_EQ(openai->evidence[0].method, EvidenceMethod::kLockfile);
  EXPECT_EQ(openai->evidence[0].snippet, "ruby-openai (7.3.1)");
  const Component* faraday = out.Find("faraday");
  ASSERT_NE(faraday, nullptr);
  EXPECT_EQ(faraday->scope, Scope::kTransitive);
}

TEST(GemfileLock, NestedRequirementsBecomeRelations) {
  auto out = Lock();
  EXPECT_TRUE(Has(out, "pkg:gem/ruby-openai@7.3.1", "pkg:gem/faraday@2.12.0"));
  EXPECT_TRUE(Has(out, "pkg:gem/faraday@2.12.0", "pkg:gem/faraday-net_http@3.3.0"));
  EXPECT_TRUE(Has(out, "pkg:gem/tiktoken_ruby@0.0.9", "pkg:gem/rb_sys@0.9.102"));
  EXPECT_TRUE(Has(out, "pkg:gem/local_tools@0.1.0", "pkg:gem/faraday@2.12.0"));
}

TEST(GemfileLock, DependenciesAreDirectAndRelatedToTheProject) {
  auto out = Lock();
  const Component* app = out.Find("chatbot");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->properties.at("aisec:bundler-version"), "2.5.16");
  EXPECT_EQ(app->properties.at("aisec:ruby-version"), "ruby 3.3.0p0");
  EXPECT_EQ(app->properties.at("aisec:gem-platforms"), "arm64-darwin,x86_64-linux");
  EXPECT_TRUE(Has(out, app->Key(), "pkg:gem/tiktoken_ruby@0.0.9"));  // "name!"
  EXPECT_TRUE(Has(out, app->Key(), "pkg:gem/langchainrb@0.16.0"));
  EXPECT_EQ(std::count_if(out.relations.begin(), out.relations.end(),
                          [&](const Relation& r) { return r.from == app->Key(); }),
            6);
  EXPECT_EQ(out.Find("tiktoken_ruby")->scope, Scope::kDirect);
}

TEST(GemfileLock, GitAndPathSources) {
  auto out = Lock();
  const Component* tiktoken = out.Find("tiktoken_ruby");
  ASSERT_NE(tiktoken, nullptr);
  EXPECT_EQ(tiktoken->properties.at("aisec:gem-git"),
            "https://github.com/IAPark/tiktoken_ruby.git");
  EXPECT_EQ(tiktoken->properties.at("aisec:gem-git-revision"),
            "5cd3c3a4d91ed1a0e4f1da4b4fbb7e1b9bd7cf5e");
  EXPECT_EQ(out.Find("local_tools")->properties.at("aisec:gem-path"), "../local_tools");
}

TEST(GemfileLock, PlatformVariantsAndChecksums) {
  auto out = Lock();
  std::vector<const Component*> nokogiri;
  for (const auto& c : out.components) {
    if (c.name == "nokogiri") nokogiri.push_back(&c);
  }
  ASSERT_EQ(nokogiri.size(), 2u);
  EXPECT_EQ(nokogiri[0]->version, "1.16.7");
  EXPECT_EQ(nokogiri[0]->properties.at("aisec:gem-platform"), "x86_64-linux");
  ASSERT_EQ(nokogiri[0]->hashes.size(), 1u);
  EXPECT_EQ(nokogiri[0]->hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(nokogiri[1]->properties.at("aisec:gem-platform"), "arm64-darwin");
  EXPECT_TRUE(nokogiri[1]->hashes.empty());
  ASSERT_EQ(out.Find("json")->hashes.size(), 1u);
  EXPECT_EQ(out.Find("json")->hashes[0].value,
            "1898b5cbc81cd36c0fd4d0b7ad2682c39fb07c5ff682fc6265f678f550d4982c");
}

TEST(GemfileLock, UnreadableLinesGiveLocatedWarnings) {
  auto out = Lock();
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 48u);
  EXPECT_NE(out.Find("zeitwerk"), nullptr);  // reading went on
}

TEST(GemfileLock, MalformedLockFiles) {
  auto root = Fixture("catalog/ruby/malformed");
  auto truncated = RunCataloger(ruby::GemfileLock, root, "truncated.Gemfile.lock");
  EXPECT_NE(truncated.Find("faraday"), nullptr);
  ASSERT_EQ(truncated.warnings.size(), 1u);
  EXPECT_EQ(truncated.warnings[0].location.line, 30u);
  auto conflict = RunCataloger(ruby::GemfileLock, root, "conflict.Gemfile.lock");
  ASSERT_EQ(conflict.warnings.size(), 3u);
  EXPECT_EQ(conflict.warnings[0].location.line, 4u);
  auto utf8 = RunCataloger(ruby::GemfileLock, root, "invalid_utf8.Gemfile.lock");
  ASSERT_GE(utf8.warnings.size(), 1u);
  EXPECT_EQ(utf8.warnings[0].location.line, 4u);
}

TEST(GemfileLock, ScanMergesWithTheGemfile) {
  auto r =
      testing::RunAisec({"scan", Fixture("catalog/ruby/chatbot").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, int> count;
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& c : doc["components"]) {
    ++count[c["name"]];
    by_name[c["name"]] = c;
  }
  EXPECT_EQ(count["chatbot"], 1);  // one project, from both files
  EXPECT_EQ(by_name["langchainrb"]["evidence"].size(), 2u);
  EXPECT_EQ(by_name["langchainrb"]["scope"], "direct");
}

}  // namespace
}  // namespace aisec::catalog
