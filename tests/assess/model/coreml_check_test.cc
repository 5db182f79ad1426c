#include <gtest/gtest.h>

#include <set>
#include <string>

#include "aisec/aisec.h"
#include "assess/model/checks.h"
#include "assess/model/model_check_util.h"
#include "assess/model/op_list.h"
#include "core/data.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& name) {
  return testing::RunModelCheck(RunCoreMl, testing::Fixture("model/coreml"), name);
}

std::multiset<std::string> Titles(const testing::CheckRun& r, const std::string& rule) {
  std::multiset<std::string> out;
  for (const auto& f : r.report.findings) {
    if (f.rule_id == rule) out.insert(f.title);
  }
  return out;
}

TEST(CoreMlCheck, BenignCustomAndMalformed) {
  auto benign = Check("benign.mlmodel");
  EXPECT_TRUE(benign.report.findings.empty()) << benign.Rules();
  EXPECT_EQ(benign.report.metadata.at("type"), "neuralNetwork");
  auto custom = Check("custom.mlmodel");
  EXPECT_EQ(custom.Rules(), "AISEC-MODEL-COREML-CUSTOM-MODEL");
  EXPECT_NE(custom.report.findings[0].title.find("EvilCustomModel"), std::string::npos);
  auto truncated = Check("truncated.mlmodel");
  EXPECT_EQ(truncated.Rules(), "AISEC-MODEL-COREML-MALFORMED");
  EXPECT_EQ(truncated.report.findings[0].severity, Severity::kHigh);
}

TEST(CoreMlCheck, FindsCustomLayers) {
  auto direct = Check("custom_layer.mlmodel");
  EXPECT_EQ(direct.Rules(), "AISEC-MODEL-COREML-CUSTOM-LAYER");
  ASSERT_EQ(direct.report.findings.size(), 1u);
  const Finding& f = direct.report.findings[0];
  EXPECT_NE(f.title.find("AISecSwishLayer"), std::string::npos);
  EXPECT_NE(f.title.find("'swish'"), std::string::npos);
  EXPECT_EQ(f.severity, Severity::kMedium);
  EXPECT_EQ(f.properties.at("aisec:technique"), "custom-operator");
  EXPECT_EQ(f.frameworks.at("cwe"), std::vector<std::string>{"CWE-829"});
  // Inside the second model of a pipeline.
  auto nested = Check("pipeline_custom_layer.mlmodel");
  EXPECT_EQ(nested.Rules(), "AISEC-MODEL-COREML-CUSTOM-LAYER");
  EXPECT_EQ(nested.report.metadata.at("type"), "pipeline");
}

TEST(CoreMlCheck, FindsCustomLayersInLoopAndBranchSubNetworks) {
  auto loop = Check("nn_loop_custom_layer.mlmodel");
  EXPECT_EQ(Titles(loop, "AISEC-MODEL-COREML-CUSTOM-LAYER"),
            (std::multiset<std::string>{"Core ML neural network has a custom layer: layer "
                                        "'loop1/body/swish' is implemented by class 'AISecSwishLayer'"}));
  auto branch = Check("nn_branch_custom_layer.mlmodel");
  EXPECT_EQ(branch.Rules(), "AISEC-MODEL-COREML-CUSTOM-LAYER");
  EXPECT_NE(branch.report.findings[0].title.find("'branch1/else/gelu'"), std::string::npos);
  auto both = Check("nn_branch_loop_custom_layer.mlmodel");
  EXPECT_EQ(both.Rules(), "AISEC-MODEL-COREML-CUSTOM-LAYER");
  EXPECT_NE(both.report.findings[0].title.find("'branch1/if/loop2/body/deep'"), std::string::npos);
}

TEST(CoreMlCheck, SubNetworksNestedPastTheLimitAreMalformedAndEarlierLayersKept) {
  auto deep = Check("nn_deep_branches.mlmodel");
  EXPECT_TRUE(deep.Has("AISEC-MODEL-COREML-MALFORMED")) << deep.Rules();
  EXPECT_NE(deep.Get("AISEC-MODEL-COREML-MALFORMED")->title.find("nested deeper"), std::string::npos);
  const Finding* first = deep.Get("AISEC-MODEL-COREML-CUSTOM-LAYER");
  ASSERT_NE(first, nullptr) << deep.Rules();
  EXPECT_NE(first->title.find("AISecFirstLayer"), std::string::npos);
}

TEST(CoreMlCheck, StandardMlProgramIsClean) {
  auto benign = Check("mlprogram_benign.mlmodel");
  EXPECT_TRUE(benign.report.findings.empty()) << benign.Rules();
  EXPECT_EQ(benign.report.metadata.at("type"), "mlProgram");
  EXPECT_EQ(benign.report.metadata.at("program_operations"), "5");  // const linear relu cond softmax
  auto package = Check("Tiny.mlpackage/Data/com.apple.CoreML/model.mlmodel");
  EXPECT_TRUE(package.report.findings.empty()) << package.Rules();
}

TEST(CoreMlCheck, MlProgramOperationOutsideTheStandardSetIsACustomOp) {
  auto r = Check("mlprogram_custom_op.mlmodel");
  EXPECT_EQ(r.Rules(), "AISEC-MODEL-COREML-CUSTOM-OP");  // one finding for both operations
  const Finding& f = r.report.findings[0];
  EXPECT_EQ(f.severity, Severity::kMedium);
  EXPECT_NE(f.title.find("'aisec_native_swish'"), std::string::npos);
  EXPECT_NE(f.evidence[0].snippet.find("function main: 2 operation(s)"), std::string::npos);
  EXPECT_NE(f.evidence[0].snippet.find("'swish_0'"), std::string::npos);
  // The offset is where the op's type is: the bytes there are its name.
  std::string bytes = testing::ReadFile(testing::Fixture("model/coreml/mlprogram_custom_op.mlmodel"));
  size_t offset = std::stoul(f.properties.at("aisec:offset"));
  EXPECT_EQ(bytes.substr(offset, 18), "aisec_native_swish");
}

TEST(CoreMlCheck, CustomOpsInNestedBlocksFunctionsAndPipelines) {
  auto loop = Check("mlprogram_nested_custom_op.mlmodel");
  EXPECT_EQ(loop.Rules(), "AISEC-MODEL-COREML-CUSTOM-OP");
  EXPECT_NE(loop.report.findings[0].evidence[0].snippet.find("'swish_in_loop'"), std::string::npos);
  auto second = Check("mlprogram_two_functions.mlmodel");
  EXPECT_EQ(second.Rules(), "AISEC-MODEL-COREML-CUSTOM-OP");
  EXPECT_NE(second.report.findings[0].evidence[0].snippet.find("function extra"), std::string::npos);
  auto pipeline = Check("pipeline_mlprogram_custom_op.mlmodel");
  EXPECT_EQ(pipeline.Rules(), "AISEC-MODEL-COREML-CUSTOM-OP");
}

TEST(CoreMlCheck, HostileMlPrograms) {
  EXPECT_EQ(Check("mlprogram_truncated.mlmodel").Rules(), "AISEC-MODEL-COREML-MALFORMED");
  // Broken after the custom op: both are reported.
  auto garbage = Check("mlprogram_custom_op_then_garbage.mlmodel");
  EXPECT_TRUE(garbage.Has("AISEC-MODEL-COREML-MALFORMED")) << garbage.Rules();
  EXPECT_TRUE(garbage.Has("AISEC-MODEL-COREML-CUSTOM-OP")) << garbage.Rules();
  auto deep = Check("mlprogram_deep_nesting.mlmodel");
  EXPECT_TRUE(deep.Has("AISEC-MODEL-COREML-MALFORMED")) << deep.Rules();
  EXPECT_TRUE(deep.Has("AISEC-MODEL-COREML-CUSTOM-OP")) << deep.Rules();
}

TEST(CoreMlCheck, MlPackageInAFolderScan) {
  auto r = ScanModels({testing::Fixture("model/coreml/CustomOp.mlpackage")}, {.jobs = 1});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].rule_id, "AISEC-MODEL-COREML-CUSTOM-OP");
  EXPECT_TRUE(r->findings[0].evidence[0].location.path.ends_with("Data/com.apple.CoreML/model.mlmodel"));
  EXPECT_EQ(r->exit_code, 0);  // medium
}

TEST(CoreMlMilOps, DataFileIsWellFormed) {
  auto text = DataFile("model/coreml-mil-ops.yaml");
  ASSERT_TRUE(text.has_value());
  auto ops = LoadOpList(*text, "model/coreml-mil-ops.yaml");
  ASSERT_TRUE(ops.ok()) << ops.error().message;
  EXPECT_GT(ops->size(), 150u);
  for (const auto& op : *ops) {
    EXPECT_TRUE(op.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos) << op;
  }
  for (const char* op : {"const", "conv", "linear", "matmul", "cond", "while_loop", "softmax",
                         "constexpr_lut_to_dense", "scaled_dot_product_attention"}) {
    EXPECT_TRUE(ops->contains(op)) << op;
  }
  EXPECT_FALSE(ops->contains("aisec_native_swish"));
}

TEST(OpList, RejectsBrokenLists) {
  EXPECT_FALSE(LoadOpList("ops: [a]\n", "x.yaml").ok());                  // no version
  EXPECT_FALSE(LoadOpList("version: 1\nops: []\n", "x.yaml").ok());       // no op
  EXPECT_FALSE(LoadOpList("version: 1\nops: [a, a]\n", "x.yaml").ok());   // duplicate
  EXPECT_FALSE(LoadOpList("version: 1\nops: [[a]]\n", "x.yaml").ok());    // not a name
  EXPECT_TRUE(LoadOpList("version: 1\nops: [a, b]\n", "x.yaml").ok());
}

}  // namespace
}  // namespace aisec::assess::model
