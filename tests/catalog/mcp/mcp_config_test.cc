#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

TEST(McpConfig, ServersToolsAndLaunchedPackages) {
  auto out = testing::RunCataloger(mcp::McpConfig, testing::Fixture("catalog/mcp"), "claude_desktop_config.json");
  const Component* fs = out.Find("filesystem");
  ASSERT_NE(fs, nullptr);
  EXPECT_EQ(fs->kind, ComponentKind::kTool);
  EXPECT_EQ(fs->properties.at("aisec:mcp:transport"), "stdio");
  EXPECT_EQ(fs->evidence.at(0).location.line, 3u);
  const Component* pkg = out.Find("@modelcontextprotocol/server-filesystem");
  ASSERT_NE(pkg, nullptr);
  EXPECT_EQ(pkg->purl, "pkg:npm/%40modelcontextprotocol/server-filesystem");
  const Component* postmark = out.Find("postmark-mcp");
  ASSERT_NE(postmark, nullptr);
  EXPECT_EQ(postmark->version, "1.0.16");
  EXPECT_EQ(out.Find("postmark")->properties.at("aisec:mcp:env"), "POSTMARK_SERVER_TOKEN");
  const Component* git = out.Find("mcp-server-git");
  ASSERT_NE(git, nullptr);
  EXPECT_EQ(git->ecosystem, "pypi");
  EXPECT_EQ(out.Find("remote-docs")->properties.at("aisec:mcp:url"), "https://mcp.example.com/mcp");
  EXPECT_EQ(out.relations.size(), 3u);
  // No secret values are kept.
  for (const auto& c : out.components) {
    for (const auto& [k, v] : c.properties) EXPECT_EQ(v.find("token-goes-here"), std::string::npos);
  }
}

TEST(McpConfig, MalformedIsAWarning) {
  testing::TempDir dir;
  dir.Write("mcp.json", "{\"mcpServers\": {\"x\": ");
  auto out = testing::RunCataloger(mcp::McpConfig, dir.path(), "mcp.json");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
}

// Found by the fuzz target: a field of an unexpected type threw out of the cataloger.
TEST(McpConfig, FieldsOfAnotherTypeCountAsAbsent) {
  testing::TempDir dir;
  dir.Write("mcp.json",
            "{\"mcpServers\": {\"files\": {\"command\": [\"npx\"], \"url\": 7, \"type\": {}}}}");
  auto out = testing::RunCataloger(mcp::McpConfig, dir.path(), "mcp.json");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].name, "files");
  EXPECT_EQ(out.components[0].properties.at("aisec:mcp:transport"), "stdio");
}

}  // namespace
}  // namespace aisec::catalog
