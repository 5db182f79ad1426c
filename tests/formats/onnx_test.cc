#include "formats/onnx/onnx.h"

#include <gtest/gtest.h>

#include "core/data.h"
#include "formats/onnx/domains.h"
#include "formats/protobuf/wire.h"
#include "test_util.h"

namespace aisec::formats::onnx {
namespace {

Model ParseFixture(const std::string& name) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/onnx/" + name));
  MemorySource src(bytes);
  return Parse(src);
}

std::string Whats(const Model& m) {
  std::string out;
  for (const auto& i : m.issues) out += i.what + "(" + i.detail + ") ";
  return out;
}

TEST(Onnx, ReadsTheModelHeaderAndGraph) {
  Model m = ParseFixture("benign.onnx");
  ASSERT_TRUE(m.complete) << Whats(m);
  EXPECT_EQ(m.ir_version, 8);
  ASSERT_EQ(m.opsets.size(), 1u);
  EXPECT_EQ(m.opsets[0].domain, "");
  EXPECT_EQ(m.opsets[0].version, 17);
  EXPECT_EQ(m.producer_name, "pytorch");
  EXPECT_EQ(m.producer_version, "2.1.0");
  EXPECT_EQ(m.model_version, 1);
  EXPECT_EQ(m.doc_string, "fixture model");
  EXPECT_EQ(m.graph_name, "main_graph");
  EXPECT_EQ(m.metadata_props.at("author"), "aisec fixtures");
  EXPECT_EQ(m.nodes, 3u);
  EXPECT_EQ(m.ops.at("").at("MatMul"), 1u);
  EXPECT_EQ(m.initializers, 2u);
  EXPECT_EQ(m.parameters, 20u);
  EXPECT_TRUE(m.external_data.empty());
}

TEST(Onnx, ReadsExternalDataEntries) {
  Model m = ParseFixture("external_ok/model.onnx");
  ASSERT_EQ(m.external_data.size(), 1u);
  EXPECT_EQ(m.external_data[0].tensor, "W");
  EXPECT_EQ(m.external_data[0].location, "weights.bin");
  EXPECT_EQ(m.external_data[0].offset, "0");
  EXPECT_EQ(m.external_data[0].length, "64");
  EXPECT_GT(m.external_data[0].file_offset, 0u);
  EXPECT_FALSE(ParseFixture("external_no_location.onnx").external_data[0].has_location);
}

TEST(Onnx, FollowsSubgraphsAndFunctions) {
  Model sub = ParseFixture("subgraph_custom_domain.onnx");
  ASSERT_TRUE(sub.complete) << Whats(sub);
  EXPECT_EQ(sub.ops.at("com.evil.ops").at("Exfiltrate"), 1u);
  Model fn = ParseFixture("function_domain.onnx");
  EXPECT_TRUE(fn.function_domains.count("com.example.local"));
}

struct Case {
  const char* file;
  const char* what;
};

class OnnxMalformed : public ::testing::TestWithParam<Case> {};

TEST_P(OnnxMalformed, IsReportedWithAnOffset) {
  Model m = ParseFixture(GetParam().file);
  EXPECT_FALSE(m.complete);
  ASSERT_FALSE(m.issues.empty());
  EXPECT_EQ(m.issues.back().what, GetParam().what) << Whats(m);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, OnnxMalformed,
                         ::testing::Values(Case{"truncated.onnx", "malformed"},
                                           Case{"bad_wire_type.onnx", "malformed"},
                                           Case{"length_overflow.onnx", "malformed"},
                                           Case{"varint_overflow.onnx", "malformed"},
                                           Case{"field_zero.onnx", "malformed"},
                                           Case{"deep_subgraphs.onnx", "too-deep"},
                                           Case{"not_onnx.onnx", "malformed"},
                                           Case{"lfs_pointer.onnx", "malformed"}), testing::ByFile());

TEST(Onnx, LooksLikeOnnx) {
  EXPECT_TRUE(LooksLikeOnnx(testing::ReadFile(testing::Fixture("model/onnx/benign.onnx"))));
  EXPECT_FALSE(LooksLikeOnnx("version https://git-lfs"));
}

TEST(OnnxDomains, ShippedTableLoads) {
  auto text = DataFile("model/onnx-domains.yaml");
  ASSERT_TRUE(text.has_value());
  auto d = Domains::Load(*text);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->Kind(""), DomainKind::kStandard);
  EXPECT_EQ(d->Kind("ai.onnx.ml"), DomainKind::kStandard);
  EXPECT_EQ(d->Kind("com.microsoft"), DomainKind::kRuntime);
  EXPECT_EQ(d->Kind("ai.onnx.contrib"), DomainKind::kExtension);
  EXPECT_EQ(d->Kind("com.evil.ops"), DomainKind::kCustom);
  EXPECT_FALSE(Domains::Load("version: 1\ndomains:\n  - {domain: '', kind: standard}\n"
                             "  - {domain: '', kind: runtime}\n").ok());
  EXPECT_FALSE(Domains::Load("version: 1\ndomains:\n  - {domain: x, kind: custom}\n").ok());
}

TEST(ProtobufWire, ReadsScalarsAndPackedVarints) {
  // field 1 varint 300, field 2 fixed32, field 3 packed [1, 150], field 4 fixed64
  std::string data("\x08\xac\x02\x15\x01\x00\x00\x00\x1a\x03\x01\x96\x01\x21"
                   "\x02\x00\x00\x00\x00\x00\x00\x00", 22);
  MemorySource src(data);
  Cursor cur(src, 0, data.size());
  protobuf::Reader r(cur);
  protobuf::Field f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f.value, 300u);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f.type, protobuf::WireType::kFixed32);
  ASSERT_TRUE(r.Next(&f));
  std::vector<uint64_t> packed;
  ASSERT_TRUE(r.Varints(f, [&](uint64_t v) { packed.push_back(v); }));
  EXPECT_EQ(packed, (std::vector<uint64_t>{1, 150}));
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(f.value, 2u);
  EXPECT_FALSE(r.Next(&f));
  EXPECT_TRUE(r.ok());
}

}  // namespace
}  // namespace aisec::formats::onnx
