#include "formats/numpy/npy.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::numpy {
namespace {

std::string Header(std::string dict, int major = 1) {
  std::string len = major == 1 ? std::string{static_cast<char>(dict.size()), 0}
                               : std::string{static_cast<char>(dict.size()), 0, 0, 0};
  return std::string("\x93NUMPY") + static_cast<char>(major) + '\0' + len + dict;
}

TEST(NpyHeader, ParsesSimpleStructuredAndObjectArrays) {
  auto h = ParseNpyHeader(testing::ReadFile(testing::Fixture("model/benign/array_float32.npy")));
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->descr, "<f4");
  EXPECT_EQ(h->shape, (std::vector<uint64_t>{8, 4}));
  EXPECT_EQ(h->data_offset % 64, 0u);
  EXPECT_EQ(h->DataBytes().value_or(0), 128u);
  auto s = ParseNpyHeader(testing::ReadFile(testing::Fixture("model/benign/array_structured.npy")));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->item_size, 12u);
  EXPECT_FALSE(s->has_object);
  auto o = ParseNpyHeader(testing::ReadFile(testing::Fixture("model/malicious/npy_object_array.npy")));
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o->has_object);
  EXPECT_FALSE(o->DataBytes().has_value());
  auto v2 = ParseNpyHeader(Header("{'descr': [('a', '<U3'), ('b', '|O')], 'fortran_order': True, 'shape': (2,), }\n", 2));
  ASSERT_TRUE(v2.ok()) << v2.error().message;
  EXPECT_TRUE(v2->has_object);
  EXPECT_TRUE(v2->fortran_order);
}

TEST(NpyHeader, RejectsMalformedHeaders) {
  EXPECT_FALSE(ParseNpyHeader("\x93NUMPY").ok());
  EXPECT_FALSE(ParseNpyHeader(Header("{'descr': '<f4', 'shape': (2,)", 1).substr(0, 20)).ok());
  EXPECT_FALSE(ParseNpyHeader(Header("{'descr': '<f4'}\n")).ok());                       // no shape
  EXPECT_FALSE(ParseNpyHeader(Header("{'descr': '<f4', 'shape': ('x',)}\n")).ok());     // bad dim
  EXPECT_FALSE(ParseNpyHeader(Header("{'descr': '<f4', 'shape': (1,), 'evil': 1}\n")).ok());
  EXPECT_FALSE(ParseNpyHeader(Header("__import__('os')\n")).ok());
  EXPECT_FALSE(ParseNpyHeader(Header("{'descr': '<f4', 'shape': (1,)}\n", 9)).ok());   // version
  std::string deep = "{'descr': " + std::string(100, '[') + "}";
  EXPECT_FALSE(ParseNpyHeader(Header(deep + "\n")).ok());
}

}  // namespace
}  // namespace aisec::formats::numpy
