#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(Hdf5Cataloger, KerasModelFromRootAttributes) {
  auto out = RunCataloger(model::Hdf5, Fixture("model/hdf5"), "lambda_bytecode.h5");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.name, "lambda_bytecode");
  EXPECT_EQ(c.properties.at("aisec:format"), "keras-h5");
  EXPECT_EQ(c.properties.at("aisec:model:keras-version"), "2.15.0");
  EXPECT_EQ(c.properties.at("aisec:model:backend"), "tensorflow");
  EXPECT_EQ(c.properties.at("aisec:model:architecture"), "Sequential");
  EXPECT_EQ(c.properties.at("aisec:model:layers"), "2");
  EXPECT_EQ(c.properties.at("aisec:model:lambda-layers"), "1");
  EXPECT_EQ(c.evidence[0].method, EvidenceMethod::kMagicBytes);
}

TEST(Hdf5Cataloger, WeightsOnlyFileIsStillAModel) {
  auto out = RunCataloger(model::Hdf5, Fixture("model/hdf5"), "weights_only.h5");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_FALSE(out.components[0].properties.count("aisec:model:architecture"));
}

TEST(Hdf5Cataloger, BrokenFilesAreWarnings) {
  for (const char* name : {"truncated.h5", "bad_root_address.h5", "continuation_loop.h5"}) {
    auto out = RunCataloger(model::Hdf5, Fixture("model/hdf5"), name);
    EXPECT_TRUE(out.components.empty()) << name;
    EXPECT_EQ(out.warnings.size(), 1u) << name;
  }
}

}  // namespace
}  // namespace aisec::catalog
