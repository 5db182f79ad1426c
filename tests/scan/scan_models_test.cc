// aisec::ScanModels over files and folders. Issue 4: an old joblib pickle and the .npy array file
// it names beside itself are one report, whichever of the two the run meets first.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

constexpr const char* kPickle = "old_joblib_object_array.pkl";
constexpr const char* kArray = "old_joblib_object_array.pkl_01.npy";

// A folder holding the malicious old joblib dump: the pickle and its object-array file.
struct OldJoblib {
  testing::TempDir dir;
  OldJoblib() {
    for (const char* name : {kPickle, kArray}) {
      std::filesystem::copy_file(testing::Fixture("model/malicious") / name, dir / name);
    }
  }
  std::filesystem::path operator/(const char* name) const { return dir / name; }
};

std::vector<const Finding*> Imports(const ScanResult& r) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings) {
    if (f.rule_id == "AISEC-MODEL-PICKLE-IMPORT" && f.properties.at("aisec:callable") == "posix.system") {
      out.push_back(&f);
    }
  }
  return out;
}

bool EndsWith(const std::string& s, const std::string& tail) { return s.ends_with(tail); }

void ExpectOneLinkedFinding(const ScanResult& r) {
  auto imports = Imports(r);
  ASSERT_EQ(imports.size(), 1u);
  const Finding& f = *imports[0];
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_TRUE(EndsWith(f.evidence[0].location.path, kArray)) << f.evidence[0].location.path;
  EXPECT_TRUE(EndsWith(f.evidence[1].location.path, kPickle)) << f.evidence[1].location.path;
  EXPECT_NE(f.evidence[1].snippet.find("NDArrayWrapper"), std::string::npos);
  EXPECT_TRUE(EndsWith(f.properties.at("aisec:referenced-by"), kPickle));
  EXPECT_EQ(f.properties.count("aisec:member"), 0u);  // found in the .npy itself
  EXPECT_EQ(r.exit_code, 1);
}

TEST(ScanModels, OldJoblibArrayFileIsReportedOnceWhicheverComesFirst) {
  OldJoblib d;
  auto pickle_first = ScanModels({d / kPickle, d / kArray}, {.jobs = 1});
  auto array_first = ScanModels({d / kArray, d / kPickle}, {.jobs = 1});
  auto folder = ScanModels({d.dir.path()}, {.jobs = 2});
  ASSERT_TRUE(pickle_first.ok() && array_first.ok() && folder.ok());
  ExpectOneLinkedFinding(*pickle_first);
  ExpectOneLinkedFinding(*array_first);
  ExpectOneLinkedFinding(*folder);
  EXPECT_EQ(pickle_first->findings.size(), array_first->findings.size());
}

TEST(ScanModels, OldJoblibArrayFileIsReadOnce) {
  OldJoblib d;
  auto both = ScanModels({d / kPickle, d / kArray}, {.jobs = 1});
  auto pickle = ScanModels({d / kPickle}, {.jobs = 1});
  auto array = ScanModels({d / kArray}, {.jobs = 1});
  ASSERT_TRUE(both.ok() && pickle.ok() && array.ok());
  // Alone, the pickle reads the array file through its wrapper; with it, it leaves it.
  EXPECT_LT(both->stats.bytes_read, pickle->stats.bytes_read + array->stats.bytes_read);
}

TEST(ScanModels, OldJoblibPickleAloneStillChecksItsArrayFile) {
  OldJoblib d;
  auto r = ScanModels({d / kPickle}, {.jobs = 1});
  ASSERT_TRUE(r.ok());
  auto imports = Imports(*r);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_TRUE(EndsWith(imports[0]->evidence[0].location.path, kPickle));
  EXPECT_EQ(imports[0]->properties.at("aisec:member"), kArray);
  EXPECT_EQ(imports[0]->properties.count("aisec:referenced-by"), 0u);
}

TEST(ScanModels, OldJoblibArrayFileAloneIsChecked) {
  OldJoblib d;
  auto r = ScanModels({d / kArray}, {.jobs = 1});
  ASSERT_TRUE(r.ok());
  auto imports = Imports(*r);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0]->evidence.size(), 1u);
  EXPECT_EQ(imports[0]->properties.count("aisec:referenced-by"), 0u);
  EXPECT_EQ(r->exit_code, 1);
}

TEST(ScanModels, ExcludedArrayFileIsCheckedThroughThePickle) {
  OldJoblib d;
  auto r = ScanModels({d.dir.path()}, {.excludes = {"*.npy"}, .jobs = 1});
  ASSERT_TRUE(r.ok());
  auto imports = Imports(*r);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_TRUE(EndsWith(imports[0]->evidence[0].location.path, kPickle));
}

}  // namespace
}  // namespace aisec
