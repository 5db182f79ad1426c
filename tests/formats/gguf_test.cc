#include "formats/gguf/gguf.h"

#include <gtest/gtest.h>

#include "core/data.h"
#include "formats/gguf/gguf_types.h"
#include "test_util.h"

namespace aisec::formats::gguf {
namespace {

File ParseFixture(const std::string& name) {
  std::string bytes = testing::ReadFile(testing::Fixture("model/gguf/" + name));
  MemorySource src(bytes);
  return Parse(src);
}

std::string Whats(const File& f) {
  std::string out;
  for (const auto& i : f.issues) out += i.what + " ";
  return out;
}

void ExpectEveryValueType(const File& f) {
  EXPECT_EQ(std::get<uint64_t>(f.Find("test.u8")->value), 200u);
  EXPECT_EQ(std::get<int64_t>(f.Find("test.i8")->value), -5);
  EXPECT_EQ(std::get<uint64_t>(f.Find("test.u16")->value), 60000u);
  EXPECT_EQ(std::get<int64_t>(f.Find("test.i16")->value), -300);
  EXPECT_EQ(std::get<uint64_t>(f.Find("test.u32")->value), 4000000000u);
  EXPECT_EQ(std::get<int64_t>(f.Find("test.i32")->value), -70000);
  EXPECT_DOUBLE_EQ(std::get<double>(f.Find("test.f32")->value), 0.5);
  EXPECT_TRUE(std::get<bool>(f.Find("test.bool")->value));
  EXPECT_EQ(std::get<uint64_t>(f.Find("test.u64")->value), 1ull << 40);
  EXPECT_EQ(std::get<int64_t>(f.Find("test.i64")->value), -(1ll << 40));
  EXPECT_DOUBLE_EQ(std::get<double>(f.Find("test.f64")->value), 2.25);
  const Kv* tokens = f.Find("tokenizer.ggml.tokens");
  ASSERT_NE(tokens, nullptr);
  EXPECT_EQ(tokens->array_type, static_cast<uint32_t>(ValueType::kString));
  EXPECT_EQ(tokens->array_count, 4u);
  EXPECT_EQ(f.Find("test.nested")->array_type, static_cast<uint32_t>(ValueType::kArray));
}

TEST(Gguf, ReadsVersion3WithEveryValueType) {
  File f = ParseFixture("benign_v3.gguf");
  ASSERT_TRUE(f.complete) << Whats(f);
  EXPECT_TRUE(f.issues.empty()) << Whats(f);
  EXPECT_EQ(f.version, 3u);
  EXPECT_EQ(f.architecture, "llama");
  EXPECT_EQ(f.name, "Tiny Llama Fixture");
  EXPECT_EQ(f.license, "apache-2.0");
  EXPECT_EQ(f.basename, "tiny-llama");
  EXPECT_EQ(f.quantization, "Q4_K_M");
  EXPECT_EQ(f.parameters, 1024u + 256u);
  ASSERT_EQ(f.chat_templates.size(), 1u);
  EXPECT_EQ(f.chat_templates[0].key, "tokenizer.chat_template");
  EXPECT_EQ(f.data_start % 32, 0u);
  ExpectEveryValueType(f);
}

TEST(Gguf, ReadsBigEndianFiles) {
  File f = ParseFixture("big_endian.gguf");
  ASSERT_TRUE(f.complete) << Whats(f);
  EXPECT_TRUE(f.big_endian);
  EXPECT_TRUE(f.issues.empty()) << Whats(f);
  ExpectEveryValueType(f);
}

TEST(Gguf, ReadsVersion2AndVersion1) {
  File v2 = ParseFixture("benign_v2.gguf");
  ASSERT_TRUE(v2.complete) << Whats(v2);
  EXPECT_TRUE(v2.chat_templates.empty());
  File v1 = ParseFixture("v1.gguf");
  ASSERT_TRUE(v1.complete) << Whats(v1);
  EXPECT_EQ(v1.version, 1u);
  EXPECT_EQ(v1.name, "Tiny Llama Fixture");
  EXPECT_EQ(v1.tensors.size(), 2u);
  EXPECT_EQ(Whats(v1), "version-1 ");
}

TEST(Gguf, NamedTemplatesAreCollected) {
  File f = ParseFixture("named_template_benign.gguf");
  ASSERT_EQ(f.chat_templates.size(), 1u);
  EXPECT_EQ(f.chat_templates[0].key, "tokenizer.chat_template.tool_use");
}

TEST(Gguf, TemplateBeforeATruncationIsKept) {
  File f = ParseFixture("ssti_then_truncated.gguf");
  EXPECT_FALSE(f.complete);
  ASSERT_EQ(f.chat_templates.size(), 1u);
  EXPECT_NE(f.chat_templates[0].text.find("__globals__"), std::string::npos);
}

struct Case {
  const char* file;
  const char* what;
  bool complete;
};

class GgufIssues : public ::testing::TestWithParam<Case> {};

TEST_P(GgufIssues, ReportsTheProblem) {
  File f = ParseFixture(GetParam().file);
  EXPECT_EQ(f.complete, GetParam().complete) << Whats(f);
  bool found = false;
  for (const auto& i : f.issues) found = found || i.what == GetParam().what;
  EXPECT_TRUE(found) << GetParam().file << ": " << Whats(f);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, GgufIssues,
    ::testing::Values(Case{"truncated.gguf", "truncated", false},
                      Case{"bad_magic.gguf", "bad-magic", false},
                      Case{"unsupported_version.gguf", "unsupported-version", false},
                      Case{"absurd_kv_count.gguf", "absurd-count", false},
                      Case{"absurd_tensor_count.gguf", "absurd-count", false},
                      Case{"absurd_string.gguf", "absurd-length", false},
                      Case{"deep_array.gguf", "too-deep", false},
                      Case{"bad_value_type.gguf", "bad-value-type", false},
                      Case{"tensor_out_of_bounds.gguf", "tensor-out-of-bounds", true},
                      Case{"misaligned.gguf", "misaligned-tensor", true},
                      Case{"overlap.gguf", "overlapping-tensors", true},
                      Case{"duplicate_key.gguf", "duplicate-key", true},
                      Case{"duplicate_tensor.gguf", "duplicate-tensor", true},
                      Case{"too_many_dims.gguf", "too-many-dims", true},
                      Case{"unknown_type.gguf", "unknown-tensor-type", true},
                      Case{"bad_alignment.gguf", "bad-alignment", true}), testing::ByFile());

TEST(GgufTypes, ShippedTableLoadsAndIsConsistent) {
  auto text = DataFile("model/gguf-types.yaml");
  ASSERT_TRUE(text.has_value());
  auto types = Types::Load(*text);
  ASSERT_TRUE(types.ok()) << types.error().message;
  EXPECT_EQ(types->Tensor(12)->name, "Q4_K");
  EXPECT_EQ(types->Tensor(12)->bytes, 144u);
  EXPECT_EQ(types->FileType(15), "Q4_K_M");
  EXPECT_EQ(types->Tensor(4), nullptr);  // removed from ggml
  for (const auto& [id, t] : types->tensor_types()) {
    EXPECT_TRUE(t.block == 1 || t.block == 32 || t.block == 256) << t.name;
  }
}

TEST(GgufTypes, RejectsDuplicates) {
  auto types = Types::Load(
      "version: 1\ntensor_types:\n  - {id: 0, name: F32, block: 1, bytes: 4}\n"
      "  - {id: 0, name: F16, block: 1, bytes: 2}\nfile_types:\n  - {id: 0, name: F32}\n");
  EXPECT_FALSE(types.ok());
}

}  // namespace
}  // namespace aisec::formats::gguf
