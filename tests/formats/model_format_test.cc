#include "formats/model_format.h"

#include <gtest/gtest.h>

#include "formats/torch/legacy.h"
#include "test_util.h"

namespace aisec::formats {
namespace {

std::string Head(const std::string& rel) {
  return testing::ReadFile(testing::Fixture(rel)).substr(0, 4096);
}

TEST(ModelFormat, RecognisesEveryBenignFormatByContent) {
  EXPECT_EQ(SniffModelFormat(Head("model/benign/pytorch_state_dict.pt"), "pytorch_state_dict.pt"), kFormatPytorchZip);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/pytorch_state_dict.pt"), "weights"), kFormatPytorchZip);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/pytorch_legacy_module.bin"), "x"), kFormatPytorchLegacy);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/numpy_arrays_p4.pkl"), "x.dat"), kFormatPickle);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/plain_dict_p0.pkl"), "x"), kFormatPickle);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/array_float32.npy"), "x"), kFormatNumpy);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/arrays.npz"), "arrays.npz"), kFormatNumpyNpz);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/keras_model.keras"), "m.keras"), kFormatKeras);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/sklearn_pipeline.pkl.xz"), "sklearn_pipeline.pkl.xz"), kFormatJoblib);
  EXPECT_EQ(SniffModelFormat(Head("model/benign/sklearn_pipeline.joblib"), "sklearn_pipeline.joblib"), kFormatJoblib);
}

TEST(ModelFormat, IgnoresOtherFiles) {
  EXPECT_EQ(SniffModelFormat("# title\nsome text\n", "README.md"), "");
  EXPECT_EQ(SniffModelFormat(Head("model/benign/sklearn_pipeline.pkl.xz"), "notes.xz"), "");
  std::string docs = std::string("PK\x03\x04", 4) + std::string(22, '\0') +
                     std::string("\x0a\x00\x00\x00", 4) + "readme.txt";
  EXPECT_EQ(SniffModelFormat(docs, "docs.zip"), "");
  EXPECT_EQ(SniffModelFormat(docs, "weights.pt"), kFormatPytorchZip);  // by name
  EXPECT_EQ(SniffModelFormat(Head("model/zip/deflated.zip"), "docs.zip"), kFormatPytorchZip);
  EXPECT_EQ(SniffModelFormat("", "x.pt"), "");
}

TEST(TorchLegacy, LiteralAndComputedMagic) {
  std::string literal = Head("model/benign/pytorch_legacy_state_dict.pt");
  ASSERT_TRUE(torch::LiteralMagicEnd(literal).has_value());
  EXPECT_TRUE(torch::IsLiteralVersion(literal.substr(*torch::LiteralMagicEnd(literal))));
  std::string computed = Head("model/malicious/pytorch_legacy_computed_magic.pt");
  EXPECT_FALSE(torch::LiteralMagicEnd(computed).has_value());
  EXPECT_TRUE(torch::LooksLikeLegacy(computed));
  EXPECT_FALSE(torch::LooksLikeLegacy(Head("model/benign/numpy_arrays_p2.pkl")));
}

}  // namespace
}  // namespace aisec::formats
