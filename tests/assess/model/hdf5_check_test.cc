#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "assess/model/keras_rules.h"
#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "core/data.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& name) {
  return testing::RunModelCheck(RunHdf5, testing::Fixture("model/hdf5"), name);
}

TEST(Hdf5Check, BenignKerasFilesAreClean) {
  for (const char* name : {"benign_keras2.h5", "benign_keras3_v2.h5", "userblock.h5",
                           "continuation.h5", "weights_only.h5"}) {
    auto r = Check(name);
    EXPECT_TRUE(r.report.findings.empty()) << name << ": " << r.Rules();
  }
  auto r = Check("benign_keras2.h5");
  EXPECT_EQ(r.report.format, "keras-h5");
  EXPECT_EQ(r.report.metadata.at("keras_version"), "2.15.0");
}

struct Case {
  const char* file;
  const char* rule;
  Severity severity;
};

class Hdf5CheckRules : public ::testing::TestWithParam<Case> {};

TEST_P(Hdf5CheckRules, ReportsTheRule) {
  auto r = Check(GetParam().file);
  const Finding* f = r.Get(GetParam().rule);
  ASSERT_NE(f, nullptr) << GetParam().file << ": " << r.Rules();
  EXPECT_EQ(f->severity, GetParam().severity);
  EXPECT_FALSE(f->remediation.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Keras, Hdf5CheckRules,
    ::testing::Values(
        Case{"lambda_bytecode.h5", "AISEC-MODEL-HDF5-LAMBDA-BYTECODE", Severity::kCritical},
        Case{"lambda_keras3.h5", "AISEC-MODEL-HDF5-LAMBDA-BYTECODE", Severity::kCritical},
        Case{"dangerous_function.h5", "AISEC-MODEL-HDF5-DANGEROUS-FUNCTION", Severity::kCritical},
        Case{"foreign_module.h5", "AISEC-MODEL-HDF5-DANGEROUS-MODULE", Severity::kCritical},
        Case{"custom_object.h5", "AISEC-MODEL-HDF5-FOREIGN-MODULE", Severity::kMedium},
        Case{"safe_mode_off.h5", "AISEC-MODEL-HDF5-SAFE-MODE-OFF", Severity::kHigh}), testing::ByFile());

INSTANTIATE_TEST_SUITE_P(
    Structure, Hdf5CheckRules,
    ::testing::Values(
        Case{"truncated.h5", "AISEC-MODEL-HDF5-MALFORMED", Severity::kHigh},
        Case{"truncated.h5", "AISEC-MODEL-HDF5-EOF-MISMATCH", Severity::kMedium},
        Case{"bad_root_address.h5", "AISEC-MODEL-HDF5-MALFORMED", Severity::kHigh},
        Case{"continuation_loop.h5", "AISEC-MODEL-HDF5-MALFORMED", Severity::kHigh},
        Case{"bad_superblock.h5", "AISEC-MODEL-HDF5-MALFORMED", Severity::kHigh},
        Case{"dense_attributes.h5", "AISEC-MODEL-HDF5-DENSE-ATTRIBUTES", Severity::kLow}), testing::ByFile());

// Files written by the HDF5 library (gen_dense.py): more than eight root attributes, so all of
// them are in a fractal heap; in dense_huge_lambda.h5 model_config is a huge heap object.
TEST(Hdf5Check, ReadsDenselyStoredAttributes) {
  auto benign = Check("dense_benign.h5");
  EXPECT_TRUE(benign.report.findings.empty()) << benign.Rules();
  EXPECT_EQ(benign.report.format, "keras-h5");
  EXPECT_EQ(benign.report.metadata.at("keras_version"), "3.3.3");
  for (const char* name : {"dense_lambda.h5", "dense_huge_lambda.h5"}) {
    auto r = Check(name);
    EXPECT_TRUE(r.Has("AISEC-MODEL-HDF5-LAMBDA-BYTECODE")) << name << ": " << r.Rules();
    EXPECT_FALSE(r.Has("AISEC-MODEL-HDF5-DENSE-ATTRIBUTES")) << name;
  }
}

TEST(Hdf5Check, ConfigThatIsNotJsonIsAWarning) {
  auto r = Check("not_json_config.h5");
  EXPECT_TRUE(r.report.findings.empty()) << r.Rules();
  ASSERT_EQ(r.report.warnings.size(), 1u);
}

TEST(KerasRules, DataFileLoadsAndIsConsistent) {
  auto text = DataFile("model/keras-rules.yaml");
  ASSERT_TRUE(text.has_value());
  auto rules = KerasRules::Load(*text);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_TRUE(rules->Trusted("keras.layers"));
  EXPECT_FALSE(rules->Trusted("kerasx"));
  ASSERT_NE(rules->Dangerous("os.path"), nullptr);
  EXPECT_EQ(*rules->Dangerous("subprocess"), Severity::kCritical);
  EXPECT_EQ(rules->Dangerous("keras"), nullptr);
  EXPECT_TRUE(rules->DangerousFunction("exec"));
  EXPECT_FALSE(KerasRules::Load("version: 1\ntrusted_modules: [os]\ndangerous_modules:\n"
                                "  - {module: os, severity: high}\ndangerous_functions: []\n").ok());
}

TEST(KerasConfig, Keras2NamedFunctionsAreJudgedByModule) {
  auto config = nlohmann::json::parse(R"({"class_name": "Lambda", "config": {"name": "l",
      "function": "relu", "function_type": "function", "module": "keras.activations"}})");
  EXPECT_TRUE(AnalyseKerasConfig(config).empty());
  config["config"]["module"] = "subprocess";
  config["config"]["function"] = "check_output";
  auto hits = AnalyseKerasConfig(config);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].what, "dangerous-function");
  EXPECT_EQ(hits[0].where, "l");
}

}  // namespace
}  // namespace aisec::assess::model
