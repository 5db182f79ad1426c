#include <gtest/gtest.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

TEST(TfliteCheck, BenignCustomAndMalformed) {
  auto fixtures = testing::Fixture("model/tflite");
  auto benign = testing::RunModelCheck(RunTflite, fixtures, "benign.tflite");
  EXPECT_TRUE(benign.report.findings.empty()) << benign.Rules();
  EXPECT_EQ(benign.report.metadata.at("operators"), "6");
  auto custom = testing::RunModelCheck(RunTflite, fixtures, "custom_op.tflite");
  EXPECT_EQ(custom.Rules(), "AISEC-MODEL-TFLITE-CUSTOM-OP");
  EXPECT_EQ(custom.MaxSeverity(), Severity::kLow);
  for (const char* name : {"truncated.tflite", "bad_root.tflite", "absurd_vector.tflite"}) {
    auto r = testing::RunModelCheck(RunTflite, fixtures, name);
    EXPECT_EQ(r.Rules(), "AISEC-MODEL-TFLITE-MALFORMED") << name;
    EXPECT_EQ(r.MaxSeverity(), Severity::kHigh);
  }
}

}  // namespace
}  // namespace aisec::assess::model
