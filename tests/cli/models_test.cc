#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "aisec/aisec.h"

#include "test_util.h"

namespace aisec {
namespace {

using testing::Fixture;
using testing::RunAisec;

TEST(CliModels, ExitCodesFollowTheWorstFinding) {
  EXPECT_EQ(RunAisec({"models", Fixture("model/benign").string(), "--format", "json"}).exit_code, 0);
  auto bad = RunAisec({"models", Fixture("model/malicious/reduce_os_system_p2.pkl").string()});
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  auto doc = nlohmann::json::parse(bad.out);
  EXPECT_EQ(doc["findings"][0]["severity"], "critical");
  EXPECT_EQ(doc["findings"][0]["properties"]["aisec:callable"], "posix.system");
}

TEST(CliModels, UsageErrorsExitTwo) {
  EXPECT_EQ(RunAisec({"models"}).exit_code, 2);
  EXPECT_EQ(RunAisec({"models", "/nonexistent/model.pt"}).exit_code, 2);
  EXPECT_EQ(RunAisec({"models", Fixture("model/benign").string(), "--format", "bogus"}).exit_code, 2);
}

TEST(CliModels, SeveralPathsTableAndOutputFile) {
  testing::TempDir dir;
  auto out = dir / "report.txt";
  auto r = RunAisec({"models", Fixture("model/benign/arrays.npz").string(),
                     Fixture("model/malicious/keras_lambda.keras").string(), "--format", "table", "--output",
                     out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string text = testing::ReadFile(out);
  EXPECT_NE(text.find("AISEC-MODEL-KERAS-LAMBDA-BYTECODE"), std::string::npos) << text;
}

TEST(CliModels, SarifReportValidatesAgainstTheSchema) {
  auto formats = ReportFormats();
  if (std::find(formats.begin(), formats.end(), "sarif") == formats.end()) {
    GTEST_SKIP() << "no sarif reporter in this build";
  }
  auto r = RunAisec({"models", Fixture("model/malicious").string(), "--format", "sarif"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(testing::SchemaErrors("sarif", r.out), "");
  EXPECT_NE(r.out.find("AISEC-MODEL-PICKLE-IMPORT"), std::string::npos);
}

TEST(CliModels, NonModelFilesGiveAWarning) {
  testing::TempDir dir;
  dir.Write("notes.txt", "hello\n");
  auto r = RunAisec({"models", (dir / "notes.txt").string(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["warnings"].size(), 1u);
}

}  // namespace
}  // namespace aisec
