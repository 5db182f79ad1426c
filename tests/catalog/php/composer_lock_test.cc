#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "catalog/php/json_lines.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

testing::CatalogOutput Lock(const std::string& folder = "assistant") {
  return RunCataloger(php::ComposerLock, Fixture("catalog/php/" + folder), "composer.lock");
}

bool Has(const testing::CatalogOutput& out, const std::string& from, const std::string& to) {
  return std::find(out.relations.begin(), out.relations.end(), Relation{from, to}) !=
         out.relations.end();
}

TEST(ComposerLock, ReadsPackagesWithVersionsAsWritten) {
  auto out = Lock();
  const Component* openai = out.Find("openai-php/client");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->version, "v0.10.1");
  EXPECT_EQ(openai->purl, "pkg:composer/openai-php/client@v0.10.1");
  EXPECT_EQ(openai->evidence[0].location.line, 50u);
  EXPECT_EQ(openai->evidence[0].method, EvidenceMethod::kLockfile);
  EXPECT_EQ(openai->evidence[0].snippet, "\"name\": \"openai-php/client\",");
  const Component* guzzle = out.Find("guzzlehttp/guzzle");
  ASSERT_NE(guzzle, nullptr);
  EXPECT_EQ(guzzle->licenses, std::vector<std::string>{"MIT"});
  EXPECT_EQ(guzzle->properties.at("aisec:vcs-reference"),
            "d281ed313b989f213357e3be1a179f02196ac99b");
  EXPECT_TRUE(guzzle->hashes.empty());  // empty shasum
}

TEST(ComposerLock, DistShasumIsSha1) {
  auto out = Lock();
  const Component* promises = out.Find("guzzlehttp/promises");
  ASSERT_NE(promises, nullptr);
  ASSERT_EQ(promises->hashes.size(), 1u);
  EXPECT_EQ(promises->hashes[0].algorithm, "SHA-1");
  EXPECT_EQ(promises->hashes[0].value, "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
}

TEST(ComposerLock, DevPackagesAndDirectScopeFromComposerJson) {
  auto out = Lock();
  EXPECT_TRUE(out.Find("phpunit/phpunit")->dev);
  EXPECT_FALSE(out.Find("openai-php/client")->dev);
  EXPECT_EQ(out.Find("openai-php/client")->scope, Scope::kDirect);
  EXPECT_EQ(out.Find("guzzlehttp/guzzle")->scope, Scope::kDirect);
  EXPECT_EQ(out.Find("guzzlehttp/promises")->scope, Scope::kTransitive);
  EXPECT_EQ(out.Find("php-http/discovery")->scope, Scope::kTransitive);
}

TEST(ComposerLock, RequireBecomesRelations) {
  auto out = Lock();
  EXPECT_TRUE(
      Has(out, "pkg:composer/openai-php/client@v0.10.1", "pkg:composer/php-http/discovery@1.19.4"));
  EXPECT_TRUE(
      Has(out, "pkg:composer/openai-php/client@v0.10.1", "pkg:composer/guzzlehttp/guzzle@7.9.2"));
  EXPECT_TRUE(
      Has(out, "pkg:composer/guzzlehttp/guzzle@7.9.2", "pkg:composer/guzzlehttp/promises@2.0.3"));
  const Component* app = out.Find("acme/assistant");  // named by the composer.json beside it
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->version, "1.2.0");
  EXPECT_TRUE(Has(out, app->Key(), "pkg:composer/phpunit/phpunit@11.3.6"));
  EXPECT_FALSE(Has(out, app->Key(), "pkg:composer/guzzlehttp/promises@2.0.3"));
}

TEST(ComposerLock, WithoutComposerJsonRootsAreDirect) {
  auto out = Lock("lock-only");
  const Component* app = out.Find("lock-only");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(out.Find("openai-php/client")->scope, Scope::kDirect);
  EXPECT_EQ(out.Find("phpunit/phpunit")->scope, Scope::kDirect);
  EXPECT_EQ(out.Find("guzzlehttp/guzzle")->scope, Scope::kTransitive);
  EXPECT_TRUE(out.warnings.empty());
}

TEST(ComposerLock, BadEntriesAndMalformedFilesGiveLocatedWarnings) {
  auto out = Lock();
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 71u);
  auto root = Fixture("catalog/php/malformed");
  auto truncated = RunCataloger(php::ComposerLock, root, "truncated.composer.lock");
  EXPECT_TRUE(truncated.components.empty());
  ASSERT_EQ(truncated.warnings.size(), 1u);
  EXPECT_GE(truncated.warnings[0].location.line, 20u);
  auto array = RunCataloger(php::ComposerLock, root, "not_object.composer.lock");
  ASSERT_EQ(array.warnings.size(), 1u);
  EXPECT_EQ(array.warnings[0].location.line, 1u);
}

TEST(ComposerLock, HugeLockIsCapped) {
  testing::TempDir dir;
  std::string lock = "{\"packages\": [\n";
  for (int i = 0; i < 50005; ++i) {
    lock += std::string(i ? "," : "") + "{\"name\": \"v/p" + std::to_string(i) +
            "\", \"version\": \"1.0.0\"}\n";
  }
  lock += "]}\n";
  dir.Write("composer.lock", lock);
  auto out = RunCataloger(php::ComposerLock, dir.path(), "composer.lock");
  EXPECT_EQ(out.components.size(), 50001u);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0].location.line, 50002u);
}

TEST(JsonKeyLines, AddressesKeysByPointer) {
  JsonKeyLines lines(
      "{\n \"a/b\": {\n  \"c\": [\n   {\"d\": 1},\n   {\"d\": \"x,}\"}\n  ]\n },\n \"e\": 2\n}");
  EXPECT_EQ(lines.Line("/a~1b"), 2u);
  EXPECT_EQ(lines.Line("/a~1b/c"), 3u);
  EXPECT_EQ(lines.Line("/a~1b/c/0/d"), 4u);
  EXPECT_EQ(lines.Line("/a~1b/c/1/d"), 5u);
  EXPECT_EQ(lines.Line("/e"), 8u);
  EXPECT_EQ(lines.Line("/nope"), 0u);
}

TEST(ComposerLock, ScanMergesWithComposerJson) {
  auto r =
      testing::RunAisec({"scan", Fixture("catalog/php/assistant").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, int> count;
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& c : doc["components"]) {
    ++count[c["name"]];
    by_name[c["name"]] = c;
  }
  EXPECT_EQ(count["acme/assistant"], 1);
  EXPECT_EQ(by_name["guzzlehttp/guzzle"]["evidence"].size(), 2u);
  EXPECT_EQ(by_name["guzzlehttp/promises"]["scope"], "transitive");
}

}  // namespace
}  // namespace aisec::catalog
