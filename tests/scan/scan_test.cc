#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

TEST(Scan, FindsClassifiesAndMergesAcrossFiles) {
  testing::TempDir dir;
  dir.Write("svc/requirements.txt", "openai==1.54.3\nrequests\n");
  dir.Write("worker/requirements.txt", "openai==1.54.3\n");
  auto r = Scan({.root = dir.path(), .jobs = 2});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->components.size(), 2u);
  const Component* openai = r->FindComponent("pkg:pypi/openai@1.54.3");
  ASSERT_NE(openai, nullptr);
  ASSERT_TRUE(openai->ai.has_value());
  EXPECT_EQ(openai->ai->provider, "OpenAI");
  EXPECT_EQ(openai->evidence.size(), 2u);
  EXPECT_EQ(r->stats.files_cataloged, 2u);
}

TEST(Scan, JsonReportHasSchemaVersionAndSummary) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "torch==2.3.1\n???\n");
  auto r = Scan({.root = dir.path()});
  ASSERT_TRUE(r.ok());
  auto text = Render(*r, "json");
  ASSERT_TRUE(text.ok());
  auto doc = nlohmann::json::parse(*text);
  EXPECT_EQ(doc["schema_version"], 1);
  EXPECT_EQ(doc["summary"]["ai_components"], 1);
  EXPECT_EQ(doc["warnings"].size(), 1u);
  EXPECT_EQ(doc["warnings"][0]["line"], 2);
}

TEST(Scan, UnknownFormatIsAnError) {
  ScanResult empty;
  EXPECT_FALSE(Render(empty, "nope").ok());
}

}  // namespace
}  // namespace aisec
