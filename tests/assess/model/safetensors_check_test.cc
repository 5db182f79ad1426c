#include <gtest/gtest.h>

#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

testing::CheckRun Check(const std::string& name) {
  return testing::RunModelCheck(RunSafetensors, testing::Fixture("model/safetensors"), name);
}

TEST(SafetensorsCheck, BenignFilesHaveNoFindings) {
  for (const char* name : {"benign.safetensors", "benign_no_metadata.safetensors"}) {
    auto r = Check(name);
    EXPECT_TRUE(r.report.findings.empty()) << name << ": " << r.Rules();
    EXPECT_EQ(r.report.format, "safetensors");
  }
  EXPECT_EQ(Check("benign.safetensors").report.metadata.at("parameters"), "18");
}

struct Case {
  const char* file;
  const char* rule;
  Severity severity;
};

class SafetensorsCheckRules : public ::testing::TestWithParam<Case> {};

TEST_P(SafetensorsCheckRules, ReportsTheRule) {
  auto r = Check(GetParam().file);
  const Finding* f = r.Get(GetParam().rule);
  ASSERT_NE(f, nullptr) << GetParam().file << ": " << r.Rules();
  EXPECT_EQ(f->severity, GetParam().severity);
  EXPECT_FALSE(f->remediation.empty());
  EXPECT_EQ(f->frameworks.at("owasp_llm_2025")[0], "LLM03");
  EXPECT_TRUE(f->properties.count("aisec:technique"));
  EXPECT_TRUE(f->properties.count("aisec:offset"));
  EXPECT_EQ(f->evidence[0].location.path, GetParam().file);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, SafetensorsCheckRules,
    ::testing::Values(
        Case{"truncated_length.safetensors", "AISEC-MODEL-SAFETENSORS-MALFORMED", Severity::kHigh},
        Case{"header_past_eof.safetensors", "AISEC-MODEL-SAFETENSORS-MALFORMED", Severity::kHigh},
        Case{"invalid_json.safetensors", "AISEC-MODEL-SAFETENSORS-MALFORMED", Severity::kHigh},
        Case{"deep_nesting.safetensors", "AISEC-MODEL-SAFETENSORS-MALFORMED", Severity::kHigh},
        Case{"oversized_header.safetensors", "AISEC-MODEL-SAFETENSORS-OVERSIZED-HEADER",
             Severity::kHigh},
        Case{"overlap.safetensors", "AISEC-MODEL-SAFETENSORS-OVERLAP", Severity::kHigh},
        Case{"out_of_bounds.safetensors", "AISEC-MODEL-SAFETENSORS-OFFSET-OUT-OF-BOUNDS",
             Severity::kHigh},
        Case{"gap.safetensors", "AISEC-MODEL-SAFETENSORS-GAP", Severity::kMedium},
        Case{"size_mismatch.safetensors", "AISEC-MODEL-SAFETENSORS-SIZE-MISMATCH", Severity::kHigh},
        Case{"shape_overflow.safetensors", "AISEC-MODEL-SAFETENSORS-SIZE-MISMATCH", Severity::kHigh},
        Case{"duplicate_key.safetensors", "AISEC-MODEL-SAFETENSORS-DUPLICATE-KEY", Severity::kHigh},
        Case{"nonstring_metadata.safetensors", "AISEC-MODEL-SAFETENSORS-METADATA",
             Severity::kMedium},
        Case{"unknown_dtype.safetensors", "AISEC-MODEL-SAFETENSORS-UNKNOWN-DTYPE",
             Severity::kMedium},
        Case{"bad_entry.safetensors", "AISEC-MODEL-SAFETENSORS-MALFORMED", Severity::kHigh}), testing::ByFile());

TEST(SafetensorsCheck, ReadsOnlyTheHeader) {
  auto r = Check("gap.safetensors");
  // Header bytes plus the 8-byte length; the tensor data (and the payload in the gap) is not read.
  uint64_t header = std::stoull(r.report.metadata.at("header_bytes"));
  EXPECT_GT(r.bytes_read, header);
  EXPECT_LE(r.bytes_read, 64 + header);  // one 64-byte first window, then the JSON
}

TEST(SafetensorsCheck, ClaimsByHeaderShapeOrExtension) {
  EXPECT_TRUE(ClaimsSafetensors("", "x.safetensors"));
  EXPECT_FALSE(ClaimsSafetensors("PK\x03\x04", "x.bin"));
}

}  // namespace
}  // namespace aisec::assess::model
