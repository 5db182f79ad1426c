// The standard formats from a real scan, through the library and through the binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

using nlohmann::json;

void WriteTree(const testing::TempDir& dir) {
  dir.Write("svc/requirements.txt",
            "openai==1.54.3 --hash=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"
            "langchain>=0.2,<0.3\n-r ../shared/requirements-base.in\nnot a requirement !!\n");
  dir.Write("shared/requirements-base.in", "transformers==4.44.0\ntorch\n");
  dir.Write("svc/requirements-dev.txt", "pytest==8.3.2\n");
}

void ExpectValidFormats(const ScanResult& r) {
  for (const auto& [format, kind] : {std::pair{"cyclonedx", "cyclonedx"}, std::pair{"spdx", "spdx3"},
                                     std::pair{"sarif", "sarif"}}) {
    auto text = Render(r, format);
    ASSERT_TRUE(text.ok()) << format;
    EXPECT_EQ(testing::SchemaErrors(kind, *text), "") << format;
  }
}

TEST(ReportFormats, EveryStandardFormatOfARealScanValidates) {
  testing::TempDir dir;
  WriteTree(dir);
  auto r = Scan({.root = dir.path(), .jobs = 2});
  ASSERT_TRUE(r.ok());
  ASSERT_GE(r->components.size(), 4u);
  ASSERT_FALSE(r->warnings.empty());
  ExpectValidFormats(*r);
  json bom = json::parse(*Render(*r, "cyclonedx"));
  size_t with_purl = 0;
  for (const auto& c : bom["components"]) with_purl += c.contains("purl");
  EXPECT_EQ(with_purl, r->components.size());  // every library found has a purl
  json sarif = json::parse(*Render(*r, "sarif"));
  EXPECT_EQ(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].size(), r->warnings.size());
}

// Agents, tools and system prompts (data components of kind "prompt") keep every format valid.
TEST(ReportFormats, AgentsToolsAndPromptsValidate) {
  auto r = Scan({.root = testing::Fixture("catalog/code/agents"), .excludes = {"expected.yaml"}, .jobs = 2});
  ASSERT_TRUE(r.ok());
  ExpectValidFormats(*r);
  json bom = json::parse(*Render(*r, "cyclonedx"));
  size_t prompts = 0;
  for (const auto& c : bom["components"]) {
    if (c["type"] != "data" || c["data"][0]["classification"] != "system-prompt") continue;
    ++prompts;
    EXPECT_EQ(c["data"][0]["type"], "configuration");
    EXPECT_EQ(c["hashes"][0]["alg"], "SHA-256");
  }
  EXPECT_EQ(prompts, 20u);  // the prompts of expected.yaml
  json spdx = json::parse(*Render(*r, "spdx"));
  size_t configuration = 0;
  for (const auto& e : spdx["@graph"]) configuration += e.value("software_primaryPurpose", "") == "configuration";
  EXPECT_EQ(configuration, 20u);
}

TEST(ReportFormats, CliWritesEachFormat) {
  testing::TempDir dir;
  WriteTree(dir);
  for (const auto& [format, kind] : {std::pair{"cyclonedx", "cyclonedx"}, std::pair{"spdx", "spdx3"},
                                     std::pair{"sarif", "sarif"}}) {
    auto out = testing::RunAisec({"scan", dir.path().string(), "--format", format, "--quiet"});
    EXPECT_EQ(out.exit_code, 0) << format << ": " << out.err;
    EXPECT_EQ(testing::SchemaErrors(kind, out.out), "") << format;
  }
}

}  // namespace
}  // namespace aisec
