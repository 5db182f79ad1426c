#include <gtest/gtest.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

TEST(CoreMlCheck, BenignCustomAndMalformed) {
  auto fixtures = testing::Fixture("model/coreml");
  auto benign = testing::RunModelCheck(RunCoreMl, fixtures, "benign.mlmodel");
  EXPECT_TRUE(benign.report.findings.empty()) << benign.Rules();
  EXPECT_EQ(benign.report.metadata.at("type"), "neuralNetwork");
  auto custom = testing::RunModelCheck(RunCoreMl, fixtures, "custom.mlmodel");
  EXPECT_EQ(custom.Rules(), "AISEC-MODEL-COREML-CUSTOM-MODEL");
  EXPECT_EQ(testing::RunModelCheck(RunCoreMl, fixtures, "truncated.mlmodel").Rules(),
            "AISEC-MODEL-COREML-MALFORMED");
}

}  // namespace
}  // namespace aisec::assess::model
