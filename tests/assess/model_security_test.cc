// The model-security assessor inside `aisec scan`: model files found by the inventory are
// checked, their findings join the scan, and the digest computed while cataloguing is reused.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "aisec/aisec.h"
#include "test_util.h"

namespace aisec {
namespace {

TEST(ModelSecurityAssessor, ScanChecksModelFilesTheInventoryFound) {
  testing::TempDir dir;
  dir.Write("requirements.txt", "torch==2.3.1\n");
  std::filesystem::create_directories(dir / "models");
  std::filesystem::copy_file(testing::Fixture("model/malicious/pytorch_zip_evil_data_pkl.pt"), dir / "models/evil.pt");
  std::filesystem::copy_file(testing::Fixture("model/benign/pytorch_state_dict.pt"), dir / "models/good.pt");
  auto r = Scan({.root = dir.path(), .jobs = 2});
  ASSERT_TRUE(r.ok());
  auto at = [&](const std::string& path) -> const Component* {
    for (const auto& c : r->components) {
      if (c.kind == ComponentKind::kModel && c.evidence.front().location.path == path) return &c;
    }
    return nullptr;
  };
  const Component* evil = at("models/evil.pt");
  const Component* good = at("models/good.pt");
  ASSERT_NE(evil, nullptr);
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(evil->properties.at("aisec:format"), "pytorch-zip");
  ASSERT_EQ(good->hashes.size(), 1u);
  bool found = false;
  for (const auto& f : r->findings) {
    if (f.rule_id == "AISEC-MODEL-PICKLE-IMPORT") {
      found = true;
      EXPECT_EQ(f.component_ref, evil->Key());
      EXPECT_EQ(f.evidence.front().location.path, "models/evil.pt");
      EXPECT_EQ(f.properties.at("aisec:member"), "archive/data.pkl");
    }
    if (f.component_ref == good->Key()) {
      EXPECT_LT(f.severity, Severity::kHigh) << f.rule_id;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(r->exit_code, 1);
}

TEST(ModelSecurityAssessor, OldJoblibArrayFileIsOneFindingWithBothFiles) {
  testing::TempDir dir;
  for (const char* name : {"old_joblib_object_array.pkl", "old_joblib_object_array.pkl_01.npy"}) {
    std::filesystem::copy_file(testing::Fixture("model/malicious") / name, dir / name);
  }
  auto r = Scan({.root = dir.path(), .jobs = 1});
  ASSERT_TRUE(r.ok());
  std::vector<const Finding*> imports;
  for (const auto& f : r->findings) {
    if (f.rule_id == "AISEC-MODEL-PICKLE-IMPORT") imports.push_back(&f);
  }
  ASSERT_EQ(imports.size(), 1u);
  ASSERT_EQ(imports[0]->evidence.size(), 2u);
  EXPECT_EQ(imports[0]->evidence[0].location.path, "old_joblib_object_array.pkl_01.npy");
  EXPECT_EQ(imports[0]->evidence[1].location.path, "old_joblib_object_array.pkl");
  EXPECT_EQ(imports[0]->properties.at("aisec:referenced-by"), "old_joblib_object_array.pkl");
  // The finding belongs to the array file's component, which was checked.
  const Component* array = nullptr;
  for (const auto& c : r->components) {
    if (c.kind == ComponentKind::kModel &&
        c.evidence.front().location.path == "old_joblib_object_array.pkl_01.npy") {
      array = &c;
    }
  }
  ASSERT_NE(array, nullptr);
  EXPECT_EQ(imports[0]->component_ref, array->Key());
}

TEST(ModelSecurityAssessor, ScanOfASingleModelFile) {
  auto r = Scan({.root = testing::Fixture("model/malicious/hidden_pickle.png")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 1);
}

}  // namespace
}  // namespace aisec
