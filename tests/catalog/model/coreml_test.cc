#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

TEST(CoreMlCataloger, ModelAndPackage) {
  auto out = testing::RunCataloger(model::CoreMl, testing::Fixture("model/coreml"), "benign.mlmodel");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.properties.at("aisec:model:architecture"), "neuralNetwork");
  EXPECT_EQ(c.properties.at("aisec:model:author"), "aisec fixtures");
  EXPECT_EQ(c.licenses, std::vector<std::string>{"MIT"});
  EXPECT_EQ(c.version, "1.2");
  auto pkg = testing::RunCataloger(model::MlPackage, testing::Fixture("model/coreml"),
                                   "Tiny.mlpackage/Manifest.json");
  ASSERT_EQ(pkg.components.size(), 1u);
  EXPECT_EQ(pkg.components[0].name, "Tiny");
  EXPECT_EQ(pkg.components[0].properties.at("aisec:model:root-model"),
            "com.apple.CoreML/model.mlmodel");
  EXPECT_TRUE(model::ClaimsMlPackageManifest("a/Tiny.mlpackage/Manifest.json"));
  EXPECT_FALSE(model::ClaimsMlPackageManifest("a/Manifest.json"));
}

}  // namespace
}  // namespace aisec::catalog
