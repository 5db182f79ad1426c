#include "formats/safetensors/safetensors.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::safetensors {
namespace {

Header ParseFixture(const std::string& name) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/safetensors/" + name));
  MemorySource src(bytes);
  return Parse(src);
}

std::string Whats(const Header& h) {
  std::string out;
  for (const auto& i : h.issues) out += i.what + " ";
  return out;
}

TEST(Safetensors, ReadsTensorsDtypesParametersAndMetadata) {
  Header h = ParseFixture("benign.safetensors");
  ASSERT_TRUE(h.complete) << Whats(h);
  EXPECT_TRUE(h.issues.empty()) << Whats(h);
  ASSERT_EQ(h.tensors.size(), 5u);
  EXPECT_EQ(h.parameters, 8u + 4u + 2u + 4u + 0u);
  EXPECT_EQ(h.dtypes.at("F32"), 2u);
  EXPECT_EQ(h.dtypes.at("BF16"), 1u);
  EXPECT_EQ(h.metadata.at("format"), "pt");
  EXPECT_EQ(h.data_start, 8 + h.header_size);
  EXPECT_EQ(h.header_size % 8, 0u);  // padded with spaces, which is legal
}

TEST(Safetensors, RecognisesTheHeaderShape) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/safetensors/benign.safetensors"));
  EXPECT_TRUE(LooksLikeSafetensors(bytes.substr(0, 64)));
  EXPECT_FALSE(LooksLikeSafetensors("GGUF\x03\0\0\0\0\0\0\0"));
  EXPECT_FALSE(LooksLikeSafetensors(std::string("\0\0\0\0\0\0\0\x01{", 9)));  // 2^56 bytes
}

struct Case {
  const char* file;
  const char* what;
  bool complete;
};

class SafetensorsIssues : public ::testing::TestWithParam<Case> {};

TEST_P(SafetensorsIssues, ReportsTheProblem) {
  Header h = ParseFixture(GetParam().file);
  EXPECT_EQ(h.complete, GetParam().complete);
  bool found = false;
  for (const auto& i : h.issues) found = found || i.what == GetParam().what;
  EXPECT_TRUE(found) << GetParam().file << ": " << Whats(h);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, SafetensorsIssues,
    ::testing::Values(Case{"truncated_length.safetensors", "truncated", false},
                      Case{"header_past_eof.safetensors", "header-length", false},
                      Case{"oversized_header.safetensors", "oversized-header", false},
                      Case{"invalid_json.safetensors", "invalid-json", false},
                      Case{"not_object.safetensors", "not-an-object", false},
                      Case{"deep_nesting.safetensors", "invalid-json", false},
                      Case{"invalid_utf8.safetensors", "invalid-json", false},
                      Case{"overlap.safetensors", "overlapping-offsets", true},
                      Case{"out_of_bounds.safetensors", "offsets-outside-data", true},
                      Case{"gap.safetensors", "gap-in-data", true},
                      Case{"size_mismatch.safetensors", "size-mismatch", true},
                      Case{"shape_overflow.safetensors", "shape-overflow", true},
                      Case{"duplicate_key.safetensors", "duplicate-key", true},
                      Case{"nonstring_metadata.safetensors", "non-string-metadata", true},
                      Case{"unknown_dtype.safetensors", "unknown-dtype", true},
                      Case{"bad_entry.safetensors", "bad-tensor-entry", true}), testing::ByFile());

TEST(Safetensors, ParameterCountOverflowIsFlaggedNotWrapped) {
  Header h = ParseFixture("shape_overflow.safetensors");
  EXPECT_TRUE(h.parameters_overflow);
}

TEST(Safetensors, DtypeWidths) {
  EXPECT_EQ(DtypeBits("F32"), 32u);
  EXPECT_EQ(DtypeBits("F4"), 4u);
  EXPECT_EQ(DtypeBits("nope"), 0u);
}

}  // namespace
}  // namespace aisec::formats::safetensors
