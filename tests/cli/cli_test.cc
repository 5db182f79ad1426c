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

}  // namespace
}  // namespace aisec
