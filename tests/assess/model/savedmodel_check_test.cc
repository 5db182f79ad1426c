#include <gtest/gtest.h>

#include <set>

#include <yaml-cpp/yaml.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "core/data.h"
#include "core/severity.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& rel) {
  return testing::RunModelCheck(RunSavedModel, testing::Fixture("model/savedmodel"), rel);
}

TEST(SavedModelCheck, BenignModelIsClean) {
  for (const char* rel : {"benign/saved_model.pb", "benign/keras_metadata.pb"}) {
    auto r = Check(rel);
    EXPECT_TRUE(r.report.findings.empty()) << rel << ": " << r.Rules();
  }
  auto r = Check("benign/saved_model.pb");
  EXPECT_EQ(r.report.format, "tensorflow-savedmodel");
  EXPECT_EQ(r.report.metadata.at("tags"), "serve");
  EXPECT_EQ(r.report.metadata.at("tensorflow_version"), "2.15.0");
}

TEST(SavedModelCheck, PythonAndFileOps) {
  auto py = Check("pyfunc/saved_model.pb");
  const Finding* f = py.Get("AISEC-MODEL-SAVEDMODEL-PYTHON-OP");
  ASSERT_NE(f, nullptr) << py.Rules();
  EXPECT_EQ(f->severity, Severity::kCritical);
  EXPECT_GT(std::stoull(f->properties.at("aisec:offset")), 0u);
  auto files = Check("file_ops/saved_model.pb");
  EXPECT_EQ(files.Rules(), "AISEC-MODEL-SAVEDMODEL-FILE-OP AISEC-MODEL-SAVEDMODEL-FILE-OP");
  EXPECT_EQ(files.MaxSeverity(), Severity::kHigh);
  EXPECT_TRUE(Check("stripped_only/saved_model.pb").Has("AISEC-MODEL-SAVEDMODEL-PYTHON-OP"));
}

TEST(SavedModelCheck, CustomOps) {
  auto r = Check("custom_op/saved_model.pb");
  // ZeroOut is reported once (graph node and stripped op list are one op); the node that calls
  // the graph's own function __inference_call_42 is not a custom op.
  ASSERT_EQ(r.Rules(), "AISEC-MODEL-SAVEDMODEL-CUSTOM-OP");
  const Finding* f = r.Get("AISEC-MODEL-SAVEDMODEL-CUSTOM-OP");
  EXPECT_EQ(f->severity, Severity::kMedium);
  EXPECT_NE(f->description.find("'ZeroOut'"), std::string::npos) << f->description;
  EXPECT_GT(std::stoull(f->properties.at("aisec:offset")), 0u);
}

TEST(SavedModelCheck, KerasMetadataLambda) {
  auto r = Check("keras_lambda/keras_metadata.pb");
  const Finding* f = r.Get("AISEC-MODEL-SAVEDMODEL-LAMBDA-BYTECODE");
  ASSERT_NE(f, nullptr) << r.Rules();
  EXPECT_EQ(f->severity, Severity::kCritical);
}

TEST(SavedModelCheck, Malformed) {
  for (const char* rel : {"truncated/saved_model.pb", "not_protobuf/saved_model.pb"}) {
    EXPECT_TRUE(Check(rel).Has("AISEC-MODEL-SAVEDMODEL-MALFORMED")) << rel;
  }
}

TEST(TfOps, DataFileIsWellFormed) {
  auto text = DataFile("model/tf-ops.yaml");
  ASSERT_TRUE(text.has_value());
  YAML::Node doc = YAML::Load(std::string(*text));
  EXPECT_TRUE(doc["version"]);
  std::set<std::string> ops;
  for (const auto& row : doc["ops"]) {
    std::string op = row["op"].as<std::string>();
    EXPECT_TRUE(ops.insert(op).second) << "duplicate " << op;
    EXPECT_TRUE(ParseSeverity(row["severity"].as<std::string>()).has_value()) << op;
    EXPECT_FALSE(row["why"].as<std::string>().empty()) << op;
  }
  EXPECT_TRUE(ops.count("PyFunc") && ops.count("ReadFile") && ops.count("WriteFile"));
  EXPECT_FALSE(ops.count("SaveV2"));  // in every SavedModel
}

TEST(TfStandardOps, DataFileIsWellFormed) {
  auto text = DataFile("model/tf-standard-ops.yaml");
  ASSERT_TRUE(text.has_value());
  YAML::Node doc = YAML::Load(std::string(*text));
  EXPECT_TRUE(doc["version"]);
  std::set<std::string> risky;
  for (const auto& row : YAML::Load(std::string(*DataFile("model/tf-ops.yaml")))["ops"]) {
    risky.insert(row["op"].as<std::string>());
  }
  std::set<std::string> ops;
  for (const auto& row : doc["ops"]) {
    std::string op = row.as<std::string>();
    EXPECT_TRUE(ops.insert(op).second) << "duplicate " << op;
    EXPECT_FALSE(risky.count(op)) << op << " is in tf-ops.yaml: one list decides it";
  }
  for (const char* op : {"Const", "MatMul", "SaveV2", "RestoreV2", "StatefulPartitionedCall"}) {
    EXPECT_TRUE(ops.count(op)) << op;
  }
}

}  // namespace
}  // namespace aisec::assess::model
