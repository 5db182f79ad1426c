#include "formats/byte_source.h"

#include <gtest/gtest.h>

namespace aisec::formats {
namespace {

TEST(Cursor, ReadsLittleAndBigEndianIntegers) {
  std::string data("\x01\x02\x03\x04\x05\x06\x07\x08", 8);
  MemorySource src(data);
  Cursor le(src, 0, data.size());
  uint32_t a;
  uint16_t b;
  ASSERT_TRUE(le.U32(&a) && le.U16(&b));
  EXPECT_EQ(a, 0x04030201u);
  EXPECT_EQ(b, 0x0605u);
  Cursor be(src, 0, data.size());
  be.set_big_endian(true);
  uint64_t c;
  ASSERT_TRUE(be.U64(&c));
  EXPECT_EQ(c, 0x0102030405060708ull);
}

TEST(Cursor, FailuresAreStickyAndLocated) {
  std::string data("abcdef");
  MemorySource src(data);
  Cursor cur(src, 0, data.size(), 2);
  std::string s;
  ASSERT_TRUE(cur.Bytes(4, &s));
  EXPECT_EQ(s, "abcd");
  uint32_t v;
  EXPECT_FALSE(cur.U32(&v));
  EXPECT_FALSE(cur.ok());
  EXPECT_EQ(cur.error_offset(), 4u);
  uint8_t x;
  EXPECT_FALSE(cur.U8(&x));  // sticky, although one byte would fit
}

TEST(Cursor, WindowsAcrossABlobAndLimits) {
  std::string data(100000, 'x');
  data[70000] = 'y';
  MemorySource src(data);
  Cursor cur(src, 0, data.size(), 64);
  ASSERT_TRUE(cur.Skip(70000));
  uint8_t v;
  ASSERT_TRUE(cur.U8(&v));
  EXPECT_EQ(v, 'y');
  uint64_t old = cur.PushLimit(70003);
  std::string s;
  EXPECT_FALSE(cur.Bytes(3, &s));  // only two bytes left inside the limit
  cur.PopLimit(old);
  EXPECT_EQ(cur.end(), data.size());
  EXPECT_FALSE(cur.Seek(5));  // already failed
}

TEST(Cursor, SeekStaysInside) {
  std::string data(10, 'x');
  MemorySource src(data);
  Cursor cur(src, 2, 8);
  EXPECT_TRUE(cur.Seek(8));
  EXPECT_FALSE(cur.Seek(9));
}

}  // namespace
}  // namespace aisec::formats
