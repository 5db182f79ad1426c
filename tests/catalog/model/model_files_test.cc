#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(ModelCatalogers, EmitModelComponentsWithFormatAndDigest) {
  auto out = RunCataloger(model::ZipModelFiles, Fixture("model/benign"), "pytorch_state_dict.pt");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kModel);
  EXPECT_EQ(c.name, "pytorch_state_dict");
  EXPECT_EQ(c.purl.rfind("pkg:generic/pytorch_state_dict?checksum=sha256%3A", 0), 0u) << c.purl;
  EXPECT_EQ(c.properties.at("aisec:format"), "pytorch-zip");
  ASSERT_EQ(c.hashes.size(), 1u);
  EXPECT_EQ(c.hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(c.hashes[0].value.size(), 64u);
  EXPECT_EQ(c.evidence.at(0).method, EvidenceMethod::kMagicBytes);
}

TEST(ModelCatalogers, EachClaimsItsOwnFormats) {
  struct Case {
    void (*fn)(Context&);
    const char* file;
    const char* format;
  } cases[] = {
      {model::PickleFiles, "numpy_arrays_p5.pkl", "pickle"},
      {model::PickleFiles, "pytorch_legacy_state_dict.pt", "pytorch-legacy"},
      {model::PickleFiles, "sklearn_pipeline.pkl.gz", "joblib"},
      {model::ZipModelFiles, "arrays_compressed.npz", "numpy-npz"},
      {model::ZipModelFiles, "keras_model.keras", "keras"},
      {model::NumpyFiles, "array_float32.npy", "numpy"},
  };
  for (const auto& c : cases) {
    auto out = RunCataloger(c.fn, Fixture("model/benign"), c.file);
    ASSERT_EQ(out.components.size(), 1u) << c.file;
    EXPECT_EQ(out.components[0].properties.at("aisec:format"), c.format) << c.file;
  }
  // A zip that is no model, and a pickle handed to the zip cataloger, give nothing.
  EXPECT_TRUE(RunCataloger(model::ZipModelFiles, Fixture("model/benign"), "numpy_arrays_p5.pkl").components.empty());
  EXPECT_TRUE(RunCataloger(model::NumpyFiles, Fixture("model/benign"), "arrays.npz").components.empty());
}

TEST(ModelCatalogers, ContentClaimsUseTheFirstBytes) {
  EXPECT_TRUE(model::ClaimsPickleContent(std::string("\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00}\x94", 13)));
  EXPECT_FALSE(model::ClaimsPickleContent("hello world, this is text"));
  EXPECT_TRUE(model::ClaimsZipContent("PK\x03\x04"));
  EXPECT_TRUE(model::ClaimsNumpyContent("\x93NUMPY\x01"));
}

}  // namespace
}  // namespace aisec::catalog
