#include <gtest/gtest.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& name) {
  return testing::RunModelCheck(RunOnnx, testing::Fixture("model/onnx"), name);
}

TEST(OnnxCheck, BenignModelsHaveNoFindings) {
  for (const char* name : {"benign.onnx", "external_ok/model.onnx", "function_domain.onnx"}) {
    auto r = Check(name);
    EXPECT_TRUE(r.report.findings.empty()) << name << ": " << r.Rules();
  }
  auto r = Check("benign.onnx");
  EXPECT_EQ(r.report.format, "onnx");
  EXPECT_EQ(r.report.metadata.at("ir_version"), "8");
  EXPECT_EQ(r.report.metadata.at("opsets"), "ai.onnx:17");
  EXPECT_EQ(r.report.metadata.at("producer"), "pytorch 2.1.0");
}

struct Case {
  const char* file;
  const char* rule;
  Severity severity;
};

class OnnxCheckRules : public ::testing::TestWithParam<Case> {};

TEST_P(OnnxCheckRules, ReportsTheRule) {
  auto r = Check(GetParam().file);
  const Finding* f = r.Get(GetParam().rule);
  ASSERT_NE(f, nullptr) << GetParam().file << ": " << r.Rules();
  EXPECT_EQ(f->severity, GetParam().severity) << GetParam().file;
  EXPECT_FALSE(f->remediation.empty());
  EXPECT_EQ(r.report.findings.size(), 1u) << r.Rules();
}

INSTANTIATE_TEST_SUITE_P(
    External, OnnxCheckRules,
    ::testing::Values(
        Case{"external_traversal.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-TRAVERSAL",
             Severity::kCritical},
        Case{"external_absolute.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-TRAVERSAL",
             Severity::kCritical},
        Case{"external_windows.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-TRAVERSAL",
             Severity::kCritical},
        Case{"external_drive.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-TRAVERSAL",
             Severity::kCritical},
        Case{"external_symlink/model.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-TRAVERSAL",
             Severity::kCritical},
        Case{"external_url.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-URL", Severity::kHigh},
        Case{"external_backslash.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-BACKSLASH",
             Severity::kMedium},
        Case{"external_bad_offset.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-MISSING",
             Severity::kLow},
        Case{"external_no_location.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-MALFORMED",
             Severity::kHigh},
        Case{"external_oob/model.onnx", "AISEC-MODEL-ONNX-EXTERNAL-DATA-OUT-OF-BOUNDS",
             Severity::kHigh}), testing::ByFile());

INSTANTIATE_TEST_SUITE_P(
    Domains, OnnxCheckRules,
    ::testing::Values(
        Case{"custom_domain.onnx", "AISEC-MODEL-ONNX-CUSTOM-DOMAIN", Severity::kMedium},
        Case{"subgraph_custom_domain.onnx", "AISEC-MODEL-ONNX-CUSTOM-DOMAIN", Severity::kMedium},
        Case{"extension_domain.onnx", "AISEC-MODEL-ONNX-EXTENSION-DOMAIN", Severity::kLow}), testing::ByFile());

INSTANTIATE_TEST_SUITE_P(
    Malformed, OnnxCheckRules,
    ::testing::Values(
        Case{"truncated.onnx", "AISEC-MODEL-ONNX-MALFORMED", Severity::kHigh},
        Case{"bad_wire_type.onnx", "AISEC-MODEL-ONNX-MALFORMED", Severity::kHigh},
        Case{"length_overflow.onnx", "AISEC-MODEL-ONNX-MALFORMED", Severity::kHigh},
        Case{"varint_overflow.onnx", "AISEC-MODEL-ONNX-MALFORMED", Severity::kHigh},
        Case{"field_zero.onnx", "AISEC-MODEL-ONNX-MALFORMED", Severity::kHigh},
        Case{"not_onnx.onnx", "AISEC-MODEL-ONNX-MALFORMED", Severity::kHigh},
        Case{"deep_subgraphs.onnx", "AISEC-MODEL-ONNX-ABSURD-NESTING", Severity::kHigh}), testing::ByFile());

TEST(OnnxCheck, BadOffsetIsMalformedWhenTheFileExists) {
  testing::TempDir dir;
  std::filesystem::copy(testing::Fixture("model/onnx/external_bad_offset.onnx"), dir / "m.onnx");
  dir.Write("weights.bin", std::string(64, '\0'));
  auto r = testing::RunModelCheck(RunOnnx, dir.path(), "m.onnx");
  EXPECT_EQ(r.Rules(), "AISEC-MODEL-ONNX-EXTERNAL-DATA-MALFORMED");
}

TEST(OnnxCheck, LfsPointersAreNotClaimed) {
  std::string pointer = testing::ReadFile(testing::Fixture("model/onnx/lfs_pointer.onnx"));
  EXPECT_FALSE(ClaimsOnnx(pointer, "lfs_pointer.onnx"));
  EXPECT_TRUE(ClaimsOnnx("\x08\x08", "model.onnx"));
}

}  // namespace
}  // namespace aisec::assess::model
