#include "report/bom_common.h"

#include <gtest/gtest.h>

#include "report/sample_result.h"

namespace aisec::report {
namespace {

LicenseChoice Choose(std::vector<std::string> licenses, std::string assessed = {}) {
  Component c;
  c.licenses = std::move(licenses);
  if (!assessed.empty()) c.properties["aisec:license:expression"] = assessed;
  return ChooseLicense(c);
}

TEST(BomCommon, ChoosesAnIdAnExpressionOrNames) {
  using Kind = LicenseChoice::Kind;
  EXPECT_EQ(Choose({}).kind, Kind::kNone);
  LicenseChoice mit = Choose({"MIT"});
  EXPECT_EQ(mit.kind, Kind::kId);
  EXPECT_EQ(mit.text, "MIT");
  LicenseChoice both = Choose({"Apache-2.0", "MIT OR ISC"});  // several all apply
  EXPECT_EQ(both.kind, Kind::kExpression);
  EXPECT_EQ(both.text, "Apache-2.0 AND (MIT OR ISC)");
  EXPECT_EQ(Choose({"GPL-2.0-only WITH Classpath-exception-2.0"}).kind, Kind::kExpression);
  EXPECT_EQ(Choose({"LicenseRef-llama3.1"}).kind, Kind::kExpression);
  EXPECT_EQ(Choose({"Some Custom License, v2"}).kind, Kind::kNames);
  EXPECT_EQ(Choose({"MIT OR"}).kind, Kind::kNames);
  EXPECT_EQ(Choose({"MIT", "Not A Licence"}).kind, Kind::kNames);
  // What the licences assessor made of a name it knows is used; its "could not read" is not.
  LicenseChoice llama = Choose({"llama3.1 community licence"}, "LicenseRef-llama3.1");
  EXPECT_EQ(llama.kind, Kind::kExpression);
  EXPECT_EQ(llama.text, "LicenseRef-llama3.1");
  EXPECT_EQ(Choose({"whatever text"}, "LicenseRef-unparsed").kind, Kind::kNames);
}

TEST(BomCommon, NormalisesTimestampsAndHashNames) {
  EXPECT_EQ(UtcTimestamp("2025-01-02T03:04:05Z"), "2025-01-02T03:04:05Z");
  EXPECT_EQ(UtcTimestamp("2025-01-02T03:04:05.123456Z"), "2025-01-02T03:04:05Z");
  EXPECT_EQ(UtcTimestamp("2025-01-02T03:04:05+02:00"), std::nullopt);
  EXPECT_EQ(UtcTimestamp("2025-01-02"), std::nullopt);
  EXPECT_EQ(UtcTimestamp("2025-01-02T03:04:05.Z"), std::nullopt);
  EXPECT_EQ(CycloneDxHashAlgorithm("sha256"), "SHA-256");
  EXPECT_EQ(CycloneDxHashAlgorithm("SHA3_512"), "SHA3-512");
  EXPECT_EQ(CycloneDxHashAlgorithm("sha224"), "");
  EXPECT_EQ(SpdxHashAlgorithm("SHA-256"), "sha256");
  EXPECT_EQ(SpdxHashAlgorithm("blake2b-256"), "blake2b256");
  EXPECT_EQ(SpdxHashAlgorithm("crc32"), "");
  EXPECT_TRUE(IsHexDigest(testing::kSha256));
  EXPECT_FALSE(IsHexDigest("abc"));
  EXPECT_FALSE(IsHexDigest(std::string(64, 'g')));
}

TEST(BomCommon, NamesTheRootAndTheDocument) {
  ScanResult r;
  EXPECT_EQ(RootName(r), "scan");
  r.root = "/srv/repo/";
  EXPECT_EQ(RootName(r), "repo");
  r.root = "/";
  EXPECT_EQ(RootName(r), "scan");
  r.root = ".";
  EXPECT_FALSE(RootName(r).empty());
  EXPECT_NE(RootName(r), ".");
  std::string uuid = ResultUuid(r);
  ASSERT_EQ(uuid.size(), 36u);
  EXPECT_EQ(uuid[14], '8');
  EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos);
  EXPECT_EQ(uuid, ResultUuid(r));
}

TEST(BomCommon, GraphDropsUnknownEdgesAndConnectsCycles) {
  ScanResult r = testing::SampleResult();
  BomGraph g = BuildGraph(r);
  ASSERT_EQ(g.refs.size(), r.components.size());
  size_t app = *g.Find("application:support-bot");
  EXPECT_EQ(g.edges[app].size(), 4u);
  EXPECT_FALSE(g.Find("pkg:pypi/ghost@1.0"));
  size_t agent = *g.Find("agent:support-agent"), tool = *g.Find("tool:python-repl");
  bool agent_top = std::find(g.tops.begin(), g.tops.end(), agent) != g.tops.end();
  bool tool_top = std::find(g.tops.begin(), g.tops.end(), tool) != g.tops.end();
  EXPECT_TRUE(agent_top != tool_top);  // exactly one of the cycle hangs from the root
  EXPECT_TRUE(std::is_sorted(g.tops.begin(), g.tops.end()));
}

TEST(BomCommon, TrustBoundaryFromPropertyOrEndpoints) {
  Component s;
  s.kind = ComponentKind::kService;
  EXPECT_EQ(CrossesTrustBoundary(s), std::nullopt);
  s.properties["aisec:endpoint"] = "http://localhost:8000/v1,http://[::1]:11434";
  EXPECT_EQ(CrossesTrustBoundary(s), false);
  s.properties["aisec:endpoint"] = "http://localhost:8000/v1, https://user@api.mistral.ai/v1";
  EXPECT_EQ(CrossesTrustBoundary(s), true);
  s.properties["aisec:service:kind"] = "local";  // what the cataloger decided wins
  EXPECT_EQ(CrossesTrustBoundary(s), false);
}

}  // namespace
}  // namespace aisec::report
