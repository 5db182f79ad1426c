#include "formats/hdf5/hdf5.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::hdf5 {
namespace {

File ParseFixture(const std::string& name) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/hdf5/" + name));
  MemorySource src(bytes);
  return Parse(src);
}

std::string Whats(const File& f) {
  std::string out;
  for (const auto& i : f.issues) out += i.what + "(" + i.detail + ") ";
  return out;
}

void ExpectKerasAttributes(const File& f, const std::string& version) {
  ASSERT_TRUE(f.complete) << Whats(f);
  const Attribute* config = f.Find("model_config");
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->kind, "string");
  EXPECT_TRUE(config->value.starts_with("{\"class_name\": \"Sequential\"")) << config->value;
  ASSERT_NE(f.Find("keras_version"), nullptr);
  EXPECT_EQ(f.Find("keras_version")->value, version);  // variable-length, in the global heap
  EXPECT_EQ(f.Find("backend")->value, "tensorflow");
}

TEST(Hdf5, ReadsSuperblock0AndVersion1Headers) {
  File f = ParseFixture("benign_keras2.h5");
  EXPECT_EQ(f.superblock_version, 0u);
  EXPECT_EQ(f.root_header_version, 1u);
  EXPECT_TRUE(f.issues.empty()) << Whats(f);
  ExpectKerasAttributes(f, "2.15.0");
}

TEST(Hdf5, ReadsSuperblock2AndOhdrHeaders) {
  File f = ParseFixture("benign_keras3_v2.h5");
  EXPECT_EQ(f.superblock_version, 2u);
  EXPECT_EQ(f.root_header_version, 2u);
  EXPECT_TRUE(f.issues.empty()) << Whats(f);
  ExpectKerasAttributes(f, "3.3.3");
}

TEST(Hdf5, FindsTheSuperblockAfterAUserBlockAndFollowsContinuations) {
  File ub = ParseFixture("userblock.h5");
  EXPECT_EQ(ub.superblock_offset, 512u);
  EXPECT_TRUE(ub.issues.empty()) << Whats(ub);
  ExpectKerasAttributes(ub, "2.15.0");
  File cont = ParseFixture("continuation.h5");
  EXPECT_TRUE(cont.issues.empty()) << Whats(cont);
  ExpectKerasAttributes(cont, "2.15.0");
}

TEST(Hdf5, UnreadableDenseStorageIsReported) {
  File f = ParseFixture("dense_attributes.h5");  // the heap address points at nothing
  EXPECT_TRUE(f.dense_attributes);
  EXPECT_EQ(f.issues.back().what, "dense-attributes");
}

TEST(Hdf5, ReadsDenseAttributesWrittenByTheLibrary) {
  File f = ParseFixture("dense_benign.h5");
  EXPECT_TRUE(f.dense_attributes);
  EXPECT_TRUE(f.issues.empty()) << Whats(f);
  EXPECT_EQ(f.root_attributes.size(), 12u);  // 9 notes, model_config, keras_version, backend
  ExpectKerasAttributes(f, "3.3.3");
  // Over 64 KiB: a huge object, found through the heap's own B-tree.
  File huge = ParseFixture("dense_huge_lambda.h5");
  ASSERT_NE(huge.Find("model_config"), nullptr) << Whats(huge);
  EXPECT_GT(huge.Find("model_config")->value.size(), 64u << 10);
  EXPECT_TRUE(huge.issues.empty()) << Whats(huge);
}

TEST(Hdf5, TruncatedDenseStorageIsAnIssueNotACrash) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/hdf5/dense_huge_lambda.h5"));
  for (size_t cut : {bytes.size() / 4, bytes.size() / 2, bytes.size() - 100}) {
    std::string part = bytes.substr(0, cut);
    MemorySource src(part);
    File f = Parse(src);
    EXPECT_FALSE(f.issues.empty()) << cut;
  }
}

struct Case {
  const char* file;
  const char* what;
};

class Hdf5Malformed : public ::testing::TestWithParam<Case> {};

TEST_P(Hdf5Malformed, IsFatal) {
  File f = ParseFixture(GetParam().file);
  EXPECT_FALSE(f.complete);
  ASSERT_FALSE(f.issues.empty());
  EXPECT_EQ(f.issues.back().what, GetParam().what) << Whats(f);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Hdf5Malformed,
                         ::testing::Values(Case{"truncated.h5", "truncated"},
                                           Case{"bad_root_address.h5", "address-out-of-bounds"},
                                           Case{"continuation_loop.h5", "continuation-loop"},
                                           Case{"bad_superblock.h5", "unsupported-superblock"}), testing::ByFile());

TEST(Hdf5, HugeArraysOfEmptyStringsAreRefused) {
  // Found by the fuzz target: 2^40 zero-length strings took memory only to join.
  File f = ParseFixture("empty_string_array.h5");
  ASSERT_TRUE(f.complete) << Whats(f);
  EXPECT_EQ(f.issues.size(), 1u) << Whats(f);
  EXPECT_EQ(f.issues[0].what, "bad-attribute");
  EXPECT_NE(f.Find("model_config"), nullptr);  // the other attributes are still read
}

TEST(Hdf5, TruncationIsAlsoAnEofMismatch) {
  File f = ParseFixture("truncated.h5");
  EXPECT_EQ(f.issues.front().what, "eof-mismatch");
}

TEST(Hdf5, NotHdf5) {
  MemorySource src("plain text, no signature");
  File f = Parse(src);
  EXPECT_EQ(f.issues.back().what, "bad-signature");
  EXPECT_TRUE(LooksLikeHdf5(std::string_view("\x89HDF\r\n\x1a\n", 8)));
}

}  // namespace
}  // namespace aisec::formats::hdf5
