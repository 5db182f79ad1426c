// Old joblib dumps (joblib < 0.10): arrays in files beside the pickle, named by NDArrayWrapper.
#include <gtest/gtest.h>

#include <filesystem>

#include "assess/model/checks.h"
#include "assess/model/model_check_util.h"
#include "test_util.h"

namespace aisec::assess::model {
namespace {

TEST(JoblibArrayFiles, BenignArraysAreReadAndClean) {
  auto r = testing::RunModelCheck(CheckPickle, testing::Fixture("model/benign"), "old_joblib_arrays.pkl");
  EXPECT_EQ(r.report.metadata.at("joblib_array_files"), "2");
  EXPECT_EQ(r.MaxSeverity(), Severity::kInfo) << r.Rules();
  EXPECT_FALSE(r.Has("AISEC-MODEL-PICKLE-UNKNOWN-IMPORT")) << r.Rules();
  EXPECT_TRUE(r.report.warnings.empty());
  // Both sibling arrays were opened: more bytes read than the pickle holds.
  EXPECT_GT(r.bytes_read, r.report.size);
}

TEST(JoblibArrayFiles, ObjectArrayInSiblingFileIsScanned) {
  auto r = testing::RunModelCheck(CheckPickle, testing::Fixture("model/malicious"),
                                  "old_joblib_object_array.pkl");
  const Finding* f = r.Get("AISEC-MODEL-PICKLE-IMPORT");
  ASSERT_NE(f, nullptr) << r.Rules();
  EXPECT_EQ(f->properties.at("aisec:callable"), "posix.system");
  EXPECT_EQ(f->properties.at("aisec:member"), "old_joblib_object_array.pkl_01.npy");
  EXPECT_TRUE(r.Has("AISEC-MODEL-NUMPY-OBJECT"));
}

TEST(JoblibArrayFiles, NameLeavingTheFolderIsAFinding) {
  auto r = testing::RunModelCheck(CheckPickle, testing::Fixture("model/malicious"), "old_joblib_traversal.pkl");
  const Finding* f = r.Get("AISEC-MODEL-JOBLIB-ARRAY-PATH");
  ASSERT_NE(f, nullptr) << r.Rules();
  EXPECT_EQ(f->severity, Severity::kHigh);
  EXPECT_NE(f->evidence.front().snippet.find("../../../../tmp/evil.npy"), std::string::npos);
}

TEST(JoblibArrayFiles, MissingSiblingIsAWarning) {
  testing::TempDir dir;
  std::filesystem::copy_file(testing::Fixture("model/malicious") / "old_joblib_object_array.pkl",
                             dir / "old_joblib_object_array.pkl");
  auto r = testing::RunModelCheck(CheckPickle, dir.path(), "old_joblib_object_array.pkl");
  EXPECT_FALSE(r.Has("AISEC-MODEL-PICKLE-IMPORT")) << r.Rules();
  ASSERT_EQ(r.report.warnings.size(), 1u);
  EXPECT_NE(r.report.warnings[0].message.find("old_joblib_object_array.pkl_01.npy"), std::string::npos);
}

}  // namespace
}  // namespace aisec::assess::model
