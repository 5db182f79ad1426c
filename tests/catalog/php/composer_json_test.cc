#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Assistant() {
  return RunCataloger(php::ComposerJson, Fixture("catalog/php/assistant"), "composer.json");
}

TEST(ComposerJson, ReadsRequirementsWithLines) {
  auto out = Assistant();
  const Component* openai = out.Find("openai-php/client");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "");
  EXPECT_EQ(openai->version_spec, "^0.10");
  EXPECT_EQ(openai->purl, "pkg:composer/openai-php/client");
  EXPECT_EQ(openai->ecosystem, "composer");
  EXPECT_EQ(openai->evidence[0].location.line, 12u);
  EXPECT_EQ(openai->evidence[0].snippet, "\"openai-php/client\": \"^0.10\",");
  const Component* guzzle = out.Find("guzzlehttp/guzzle");
  ASSERT_NE(guzzle, nullptr);
  EXPECT_EQ(guzzle->version, "7.9.2");
  EXPECT_EQ(guzzle->purl, "pkg:composer/guzzlehttp/guzzle@7.9.2");
  EXPECT_EQ(out.Find("theodo-group/llphant")->version, "v0.8.3");  // kept as written
  EXPECT_EQ(out.Find("symfony/http-client")->version_spec, "dev-main");
}

TEST(ComposerJson, SkipsPlatformRequirements) {
  auto out = Assistant();
  for (const char* name : {"php", "ext-json", "ext-mbstring", "lib-curl", "composer-runtime-api"}) {
    EXPECT_EQ(out.Find(name), nullptr) << name;
  }
  EXPECT_EQ(out.components.size(), 7u);  // the project, 4 require and 2 require-dev
}

TEST(ComposerJson, RequireDevIsDev) {
  auto out = Assistant();
  EXPECT_TRUE(out.Find("phpunit/phpunit")->dev);
  EXPECT_EQ(out.Find("mockery/mockery")->version, "1.6.12");
  EXPECT_FALSE(out.Find("guzzlehttp/guzzle")->dev);
}

TEST(ComposerJson, ProjectComponentAndRelations) {
  auto out = Assistant();
  const Component* app = out.Find("acme/assistant");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, ComponentKind::kApplication);
  EXPECT_EQ(app->version, "1.2.0");
  EXPECT_EQ(app->evidence[0].location.line, 2u);
  EXPECT_EQ(std::count_if(out.relations.begin(), out.relations.end(),
                          [&](const Relation& r) { return r.from == app->Key(); }),
            6);
}

TEST(ComposerJson, MalformedFilesGiveLocatedWarnings) {
  auto root = Fixture("catalog/php/malformed");
  auto utf8 = RunCataloger(php::ComposerJson, root, "invalid_utf8.composer.json");
  EXPECT_TRUE(utf8.components.empty());
  ASSERT_EQ(utf8.warnings.size(), 1u);
  EXPECT_EQ(utf8.warnings[0].location.line, 4u);
  auto deep = RunCataloger(php::ComposerJson, root, "deep_nesting.composer.json");
  ASSERT_EQ(deep.warnings.size(), 1u);
  EXPECT_NE(deep.warnings[0].message.find("nesting"), std::string::npos);
  auto types = RunCataloger(php::ComposerJson, root, "wrong_types.composer.json");
  EXPECT_NE(types.Find("acme/ok"), nullptr);
  ASSERT_EQ(types.warnings.size(), 2u);
  EXPECT_EQ(types.warnings[0].location.line, 3u);
  EXPECT_EQ(types.warnings[1].location.line, 6u);
}

// Issue 5: "license" as one expression or as an array of alternatives.
TEST(ComposerJson, ProjectLicence) {
  auto one = RunCataloger(php::ComposerJson, Fixture("catalog/php/licenses/string"), "composer.json");
  ASSERT_NE(one.Find("acme/agent"), nullptr);
  EXPECT_EQ(one.Find("acme/agent")->licenses, std::vector<std::string>{"GPL-2.0-or-later"});
  auto two = RunCataloger(php::ComposerJson, Fixture("catalog/php/licenses/array"), "composer.json");
  ASSERT_NE(two.Find("acme/dual"), nullptr);
  EXPECT_EQ(two.Find("acme/dual")->licenses, std::vector<std::string>{"MIT OR GPL-3.0-only"});
}

}  // namespace
}  // namespace aisec::catalog
