#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

TEST(SavedModelCataloger, FolderNamedModelWithTagsAndVersion) {
  auto out = testing::RunCataloger(model::SavedModel, testing::Fixture("model/savedmodel/benign"),
                                   "saved_model.pb");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.name, "benign");
  EXPECT_EQ(c.properties.at("aisec:format"), "tensorflow-savedmodel");
  EXPECT_EQ(c.properties.at("aisec:model:tags"), "serve");
  EXPECT_EQ(c.properties.at("aisec:model:signatures"), "serving_default");
  EXPECT_EQ(c.properties.at("aisec:model:tensorflow-version"), "2.15.0");
  EXPECT_EQ(c.properties.at("aisec:model:functions"), "1");
}

TEST(SavedModelCataloger, MalformedIsAWarning) {
  auto out = testing::RunCataloger(model::SavedModel,
                                   testing::Fixture("model/savedmodel/truncated"), "saved_model.pb");
  EXPECT_TRUE(out.components.empty());
  EXPECT_EQ(out.warnings.size(), 1u);
}

}  // namespace
}  // namespace aisec::catalog
