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

TEST(CoreMlCheck, FindsCustomLayers) {
  auto fixtures = testing::Fixture("model/coreml");
  auto direct = testing::RunModelCheck(RunCoreMl, fixtures, "custom_layer.mlmodel");
  EXPECT_EQ(direct.Rules(), "AISEC-MODEL-COREML-CUSTOM-LAYER");
  ASSERT_EQ(direct.report.findings.size(), 1u);
  EXPECT_NE(direct.report.findings[0].description.find("AISecSwishLayer"), std::string::npos);
  EXPECT_NE(direct.report.findings[0].description.find("'swish'"), std::string::npos);
  EXPECT_EQ(direct.report.findings[0].severity, Severity::kMedium);
  // Inside the second model of a pipeline.
  auto nested = testing::RunModelCheck(RunCoreMl, fixtures, "pipeline_custom_layer.mlmodel");
  EXPECT_EQ(nested.Rules(), "AISEC-MODEL-COREML-CUSTOM-LAYER");
  EXPECT_EQ(nested.report.metadata.at("type"), "pipeline");
}

}  // namespace
}  // namespace aisec::assess::model
