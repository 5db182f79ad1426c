#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace aisec {
namespace {

using testing::RunAisec;

TEST(Cli, ScanWritesJsonWhenNotATerminal) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "openai==1.54.3\n");
  auto r = RunAisec({"scan", dir.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["components"].size(), 1u);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunAisec({}).exit_code, 2);
  EXPECT_EQ(RunAisec({"scan"}).exit_code, 2);
  EXPECT_EQ(RunAisec({"scan", "/nonexistent/x"}).exit_code, 2);
  EXPECT_EQ(RunAisec({"scan", ".", "--format", "bogus"}).exit_code, 2);
}

TEST(Cli, OutputFileAndTableFormat) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "openai==1.54.3\nrequests\n");
  auto out = dir / "report.txt";
  auto r = RunAisec({"scan", dir.path().string(), "--format", "table", "--output", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string text = testing::ReadFile(out);
  EXPECT_NE(text.find("AI components: 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Other dependencies: 1"), std::string::npos) << text;
}

TEST(Cli, VerbosePrintsARunSummaryOnStderr) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "openai==1.54.3\ntorch==1.13.0\n");
  dir.Write("app/broken.ipynb", "{not json");
  auto r = RunAisec({"--verbose", "scan", dir.path().string(), "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(r.out)["components"].size(), 2u);
  EXPECT_NE(r.err.find("aisec: read "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stages: walk and catalog"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(", vulnerabilities "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(", policy "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("compiled patterns: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("advisories from bundled snapshot"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 component(s) (2 library)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("aisec: warning: app/broken.ipynb"), std::string::npos) << r.err;
  // Without --verbose: only the warning count.
  auto quiet = RunAisec({"scan", dir.path().string(), "--format", "json"});
  EXPECT_EQ(quiet.err.find("stages:"), std::string::npos) << quiet.err;
  EXPECT_NE(quiet.err.find("warning(s)"), std::string::npos) << quiet.err;
  EXPECT_TRUE(RunAisec({"-v", "-q", "scan", dir.path().string()}).err.empty());
}

TEST(Cli, VerboseShowsWhetherPatternsCameFromTheCache) {
  testing::TempDir dir, cache;
  dir.Write("app.py", "import openai\n");
  auto scan = [&] {
    return testing::RunShell("AISEC_CACHE_DIR=" + cache.path().string() + " " + std::string(AISEC_BINARY) +
                             " --verbose scan " + dir.path().string() + " --format json -o /dev/null");
  };
  auto cold = scan();
  EXPECT_NE(cold.err.find("compiled patterns: 0 set(s) from the cache"), std::string::npos) << cold.err;
  auto warm = scan();
  EXPECT_NE(warm.err.find(" compiled\n"), std::string::npos) << warm.err;
  EXPECT_NE(warm.err.find(", 0 compiled"), std::string::npos) << warm.err;
  EXPECT_EQ(warm.err.find("compiled patterns: 0 set(s)"), std::string::npos) << warm.err;
}

TEST(Cli, TableShowsHostileNamesEscaped) {
  testing::TempDir dir;
  dir.Write("app\x1b[2J/requirements.txt", "openai==1.54.3\n");
  auto r = RunAisec({"scan", dir.path().string(), "--format", "table"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("app\\x1b[2J/requirements.txt"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace aisec
