#include "source/input_stream.h"

#include <gtest/gtest.h>

#include "source/file_reader.h"
#include "test_util.h"

namespace aisec::source {
namespace {

std::string Bytes(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i * 31 + 7);
  return s;
}

TEST(InputStream, ReadSkipTellAndEnsure) {
  std::string data = Bytes(100000);
  auto in = OpenMemory(data);
  char buf[10];
  EXPECT_EQ(in->Read(buf, 10), 10u);
  EXPECT_EQ(std::string(buf, 10), data.substr(0, 10));
  EXPECT_EQ(in->Tell(), 10u);
  EXPECT_EQ(in->Skip(50000), 50000u);
  EXPECT_EQ(in->Tell(), 50010u);
  ASSERT_TRUE(in->Ensure(16));
  EXPECT_EQ(std::string(in->data(), 16), data.substr(50010, 16));
  in->Advance(16);
  EXPECT_EQ(in->ReadByte(), static_cast<unsigned char>(data[50026]));
  EXPECT_EQ(in->Skip(1u << 30), 100000u - 50027u);
  EXPECT_TRUE(in->AtEnd());
  EXPECT_EQ(in->ReadByte(), -1);
  EXPECT_TRUE(in->status().ok());
}

TEST(InputStream, EnsureAcrossRefillsKeepsBytesContiguous) {
  std::string data = Bytes(3 << 20);
  auto src = std::make_unique<MemorySource>(data);
  auto in = OpenRange(std::move(src), 0, data.size(), kMinStreamBuffer);
  in->Skip(kMinStreamBuffer - 3);
  ASSERT_TRUE(in->Ensure(8));
  EXPECT_EQ(std::string(in->data(), 8), data.substr(kMinStreamBuffer - 3, 8));
}

TEST(InputStream, RangeAndSliceStayInside) {
  MemorySource src(Bytes(1000));
  SliceSource slice(src, 900, 500);
  EXPECT_EQ(slice.size(), 100u);
  auto in = OpenRange(src, 100, 50);
  std::string out(100, '\0');
  EXPECT_EQ(in->Read(out.data(), 100), 50u);
  EXPECT_EQ(out.substr(0, 50), Bytes(1000).substr(100, 50));
}

TEST(FileReader, SkippingTensorDataDoesNotReadIt) {
  testing::TempDir dir;
  std::string data = Bytes(8 << 20);
  dir.Write("big.bin", data);
  SourceFile f{"big.bin", dir / "big.bin"};
  FileReader reader;
  auto in = reader.Open(f);
  ASSERT_TRUE(in.ok());
  (*in)->Skip(7 << 20);
  ASSERT_TRUE((*in)->Ensure(4));
  EXPECT_EQ(std::string((*in)->data(), 4), data.substr(7 << 20, 4));
  EXPECT_LE(reader.bytes_read(), 2u << 20);
}

TEST(FileReader, Sha256StreamsAndHonoursTheLimit) {
  testing::TempDir dir;
  dir.Write("x", "abc");
  SourceFile f{"x", dir / "x"};
  FileReader reader;
  EXPECT_EQ(*reader.Sha256(f, 100), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(*reader.Sha256(f, 2), "");
  SourceFile missing{"y", dir / "y"};
  EXPECT_FALSE(reader.Sha256(missing, 100).ok());
}

}  // namespace
}  // namespace aisec::source
