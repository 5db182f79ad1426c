#include "report/bom_common.h"

#include <gtest/gtest.h>

#include "report/sample_result.h"

namespace aisec::report {
namespace {

TEST(BomCommon, RecognisesSpdxLicenseExpressions) {
  for (const char* ok : {"MIT", "Apache-2.0", "GPL-2.0+", "LicenseRef-llama3.1", "MIT OR Apache-2.0",
                         "(MIT OR ISC) AND BSD-3-Clause", "GPL-2.0-only WITH Classpath-exception-2.0",
                         "DocumentRef-x:LicenseRef-y", "((MIT))"}) {
    EXPECT_TRUE(IsLicenseExpression(ok)) << ok;
  }
  for (const char* bad : {"", "MIT OR", "AND MIT", "(MIT", "MIT)", "Some Custom License", "MIT/Apache-2.0",
                          "MIT WITH", "BSD License", "MIT\xff", "+"}) {
    EXPECT_FALSE(IsLicenseExpression(bad)) << bad;
  }
  std::string deep(100, '(');
  EXPECT_FALSE(IsLicenseExpression(deep + "MIT" + std::string(100, ')')));  // depth-limited
}

TEST(BomCommon, JoinsSeveralLicensesWithAnd) {
  EXPECT_EQ(LicenseExpression({"MIT"}), "MIT");
  EXPECT_EQ(LicenseExpression({"MIT", "ISC OR 0BSD"}), "MIT AND (ISC OR 0BSD)");
  EXPECT_EQ(LicenseExpression({"MIT", "BSD License"}), std::nullopt);
  EXPECT_EQ(LicenseExpression({}), std::nullopt);
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
  s.properties["aisec:service:endpoints"] = "http://localhost:8000/v1,http://[::1]:11434";
  EXPECT_EQ(CrossesTrustBoundary(s), false);
  s.properties["aisec:service:endpoints"] = "http://localhost:8000/v1, https://user@api.mistral.ai/v1";
  EXPECT_EQ(CrossesTrustBoundary(s), true);
  s.properties["aisec:service:trust-boundary"] = "false";
  EXPECT_EQ(CrossesTrustBoundary(s), false);
}

}  // namespace
}  // namespace aisec::report
