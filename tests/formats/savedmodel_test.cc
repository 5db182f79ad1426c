#include "formats/savedmodel/saved_model.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::savedmodel {
namespace {

std::string Bytes(const std::string& rel) {
  return testing::ReadFile(testing::Fixture("model/savedmodel/" + rel));
}

TEST(SavedModel, ReadsOpsTagsSignaturesAndFunctions) {
  std::string bytes = Bytes("benign/saved_model.pb");
  MemorySource src(bytes);
  SavedModel m = ParseSavedModel(src);
  ASSERT_TRUE(m.complete);
  EXPECT_EQ(m.schema_version, 1);
  ASSERT_EQ(m.meta_graphs.size(), 1u);
  EXPECT_EQ(m.meta_graphs[0].tags, std::vector<std::string>{"serve"});
  EXPECT_EQ(m.meta_graphs[0].tensorflow_version, "2.15.0");
  EXPECT_EQ(m.meta_graphs[0].signatures, std::vector<std::string>{"serving_default"});
  EXPECT_EQ(m.functions, 1u);
  EXPECT_EQ(m.ops.at("MatMul"), 3u);  // graph, function and stripped op list
  EXPECT_EQ(m.ops.at("Softmax"), 1u);
  EXPECT_EQ(m.nodes, 11u);
}

TEST(SavedModel, FunctionLibraryAndStrippedOpList) {
  std::string fn = Bytes("file_ops/saved_model.pb");
  MemorySource a(fn);
  EXPECT_TRUE(ParseSavedModel(a).ops.count("ReadFile"));
  std::string stripped = Bytes("stripped_only/saved_model.pb");
  MemorySource b(stripped);
  EXPECT_TRUE(ParseSavedModel(b).ops.count("EagerPyFunc"));
}

TEST(SavedModel, MalformedAndEmpty) {
  for (const char* rel : {"truncated/saved_model.pb", "not_protobuf/saved_model.pb"}) {
    std::string bytes = Bytes(rel);
    MemorySource src(bytes);
    SavedModel m = ParseSavedModel(src);
    EXPECT_FALSE(m.complete) << rel;
    ASSERT_FALSE(m.issues.empty());
    EXPECT_EQ(m.issues.back().what, "malformed") << rel;
  }
  MemorySource empty("");
  EXPECT_EQ(ParseSavedModel(empty).issues.back().what, "empty");
}

TEST(KerasMetadata, ReadsLayerConfigs) {
  std::string bytes = Bytes("keras_lambda/keras_metadata.pb");
  MemorySource src(bytes);
  KerasMetadata k = ParseKerasMetadata(src);
  ASSERT_TRUE(k.complete);
  ASSERT_EQ(k.layers.size(), 1u);
  EXPECT_EQ(k.layers[0].identifier, "_tf_keras_layer");
  EXPECT_EQ(k.layers[0].node_path, "root.layer-1");
  EXPECT_NE(k.layers[0].metadata.find("\"Lambda\""), std::string::npos);
}

}  // namespace
}  // namespace aisec::formats::savedmodel
