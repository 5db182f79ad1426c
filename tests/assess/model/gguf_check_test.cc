#include <gtest/gtest.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& name) {
  return testing::RunModelCheck(RunGguf, testing::Fixture("model/gguf"), name);
}

TEST(GgufCheck, BenignFilesHaveNoHighFindings) {
  for (const char* name : {"benign_v3.gguf", "benign_v2.gguf", "big_endian.gguf",
                           "named_template_benign.gguf"}) {
    auto r = Check(name);
    EXPECT_TRUE(r.report.findings.empty()) << name << ": " << r.Rules();
  }
  auto r = Check("benign_v3.gguf");
  EXPECT_EQ(r.report.format, "gguf");
  EXPECT_EQ(r.report.metadata.at("architecture"), "llama");
  EXPECT_EQ(r.report.metadata.at("quantization"), "Q4_K_M");
  EXPECT_EQ(r.report.metadata.at("chat_template"), "present");
  EXPECT_EQ(Check("v1.gguf").Rules(), "AISEC-MODEL-GGUF-VERSION1");
}

struct Case {
  const char* file;
  const char* rule;
  Severity severity;
};

class GgufCheckRules : public ::testing::TestWithParam<Case> {};

TEST_P(GgufCheckRules, ReportsTheRule) {
  auto r = Check(GetParam().file);
  const Finding* f = r.Get(GetParam().rule);
  ASSERT_NE(f, nullptr) << GetParam().file << ": " << r.Rules();
  EXPECT_EQ(f->severity, GetParam().severity) << GetParam().file;
  EXPECT_FALSE(f->remediation.empty());
  EXPECT_FALSE(f->frameworks.at("cwe").empty());
  EXPECT_GT(std::stoull(f->properties.at("aisec:offset")), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Templates, GgufCheckRules,
    ::testing::Values(
        Case{"ssti_globals.gguf", "AISEC-MODEL-GGUF-JINJA-PYTHON-INTERNALS", Severity::kCritical},
        Case{"ssti_globals.gguf", "AISEC-MODEL-GGUF-JINJA-GLOBALS-WALK", Severity::kCritical},
        Case{"ssti_globals.gguf", "AISEC-MODEL-GGUF-JINJA-OS-COMMAND", Severity::kCritical},
        Case{"ssti_subclasses.gguf", "AISEC-MODEL-GGUF-JINJA-PYTHON-INTERNALS",
             Severity::kCritical},
        Case{"ssti_concat.gguf", "AISEC-MODEL-GGUF-JINJA-OBJECT-DUNDER", Severity::kCritical},
        Case{"ssti_concat.gguf", "AISEC-MODEL-GGUF-JINJA-PYTHON-INTERNALS", Severity::kCritical},
        Case{"ssti_escape.gguf", "AISEC-MODEL-GGUF-JINJA-ATTR-FILTER", Severity::kHigh},
        Case{"ssti_escape.gguf", "AISEC-MODEL-GGUF-JINJA-ESCAPED-IDENTIFIER", Severity::kHigh},
        Case{"ssti_escape.gguf", "AISEC-MODEL-GGUF-JINJA-OBJECT-DUNDER", Severity::kCritical},
        Case{"ssti_reverse.gguf", "AISEC-MODEL-GGUF-JINJA-OBJECT-DUNDER", Severity::kCritical},
        Case{"ssti_lipsum.gguf", "AISEC-MODEL-GGUF-JINJA-GLOBALS-WALK", Severity::kCritical},
        Case{"ssti_named_template.gguf", "AISEC-MODEL-GGUF-JINJA-PYTHON-INTERNALS",
             Severity::kCritical},
        Case{"ssti_then_truncated.gguf", "AISEC-MODEL-GGUF-JINJA-PYTHON-INTERNALS",
             Severity::kCritical},
        Case{"ssti_then_truncated.gguf", "AISEC-MODEL-GGUF-ABSURD-SIZE", Severity::kHigh}), testing::ByFile());

INSTANTIATE_TEST_SUITE_P(
    Structure, GgufCheckRules,
    ::testing::Values(
        Case{"truncated.gguf", "AISEC-MODEL-GGUF-MALFORMED", Severity::kHigh},
        Case{"bad_value_type.gguf", "AISEC-MODEL-GGUF-MALFORMED", Severity::kHigh},
        Case{"unsupported_version.gguf", "AISEC-MODEL-GGUF-MALFORMED", Severity::kHigh},
        Case{"absurd_kv_count.gguf", "AISEC-MODEL-GGUF-ABSURD-SIZE", Severity::kHigh},
        Case{"absurd_tensor_count.gguf", "AISEC-MODEL-GGUF-ABSURD-SIZE", Severity::kHigh},
        Case{"absurd_string.gguf", "AISEC-MODEL-GGUF-ABSURD-SIZE", Severity::kHigh},
        Case{"deep_array.gguf", "AISEC-MODEL-GGUF-ABSURD-SIZE", Severity::kHigh},
        Case{"tensor_out_of_bounds.gguf", "AISEC-MODEL-GGUF-TENSOR-OUT-OF-BOUNDS",
             Severity::kHigh},
        Case{"misaligned.gguf", "AISEC-MODEL-GGUF-MISALIGNED", Severity::kHigh},
        Case{"bad_alignment.gguf", "AISEC-MODEL-GGUF-MISALIGNED", Severity::kHigh},
        Case{"overlap.gguf", "AISEC-MODEL-GGUF-OVERLAP", Severity::kHigh},
        Case{"duplicate_key.gguf", "AISEC-MODEL-GGUF-DUPLICATE-KEY", Severity::kHigh},
        Case{"duplicate_tensor.gguf", "AISEC-MODEL-GGUF-DUPLICATE-TENSOR", Severity::kHigh},
        Case{"too_many_dims.gguf", "AISEC-MODEL-GGUF-TENSOR-SHAPE", Severity::kHigh},
        Case{"unknown_type.gguf", "AISEC-MODEL-GGUF-UNKNOWN-TYPE", Severity::kMedium}), testing::ByFile());

TEST(GgufCheck, ClaimsByMagicOrExtension) {
  EXPECT_TRUE(ClaimsGguf("GGUF\x03", "model.bin"));
  EXPECT_TRUE(ClaimsGguf("", "x.gguf"));
  EXPECT_FALSE(ClaimsGguf("GGML", "x.bin"));
}

}  // namespace
}  // namespace aisec::assess::model
