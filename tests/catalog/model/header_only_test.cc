// Issue "Shadow AI discovery" item 6 / "Model file security": a 20 GB safetensors file and a 10 GB
// GGUF file are cataloged and checked from their headers alone. The files are sparse (ftruncate),
// so the test costs no disk space; it is skipped where the filesystem refuses sparse files.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <gtest/gtest.h>

#include "aisec/aisec.h"
#include "assess/model/model_check_util.h"
#include "assess/model/checks.h"
#include "test_util.h"

namespace aisec {
namespace {

constexpr uint64_t kSafetensorsData = 20'000'000'000ull;
constexpr uint64_t kGgufData = 10'000'000'000ull;

void Put64(std::string& s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void Put32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void PutString(std::string& s, const std::string& v) {
  Put64(s, v.size());
  s += v;
}

std::string SafetensorsHeader() {
  std::string json = "{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F16\",\"shape\":[" +
                     std::to_string(kSafetensorsData / 2) + "],\"data_offsets\":[0," +
                     std::to_string(kSafetensorsData) + "]}}";
  json.append((8 - json.size() % 8) % 8, ' ');
  std::string out;
  Put64(out, json.size());
  return out + json;
}

std::string GgufHeader() {
  std::string s = "GGUF";
  Put32(s, 3);
  Put64(s, 1);  // tensors
  Put64(s, 2);  // keys
  PutString(s, "general.architecture");
  Put32(s, 8);
  PutString(s, "llama");
  PutString(s, "general.name");
  Put32(s, 8);
  PutString(s, "Sparse Giant");
  PutString(s, "w");
  Put32(s, 1);                 // dims
  Put64(s, kGgufData / 4);     // F32 elements
  Put32(s, 0);                 // F32
  Put64(s, 0);                 // offset
  s.append((32 - s.size() % 32) % 32, '\0');
  return s;
}

// Writes `header` and extends the file to header + data bytes without allocating them.
bool WriteSparse(const std::filesystem::path& p, const std::string& header, uint64_t data) {
  int fd = ::open(p.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd < 0) return false;
  bool ok = ::write(fd, header.data(), header.size()) == static_cast<ssize_t>(header.size()) &&
            ::ftruncate(fd, static_cast<off_t>(header.size() + data)) == 0;
  ::close(fd);
  struct stat st;
  // Refuse when the filesystem really allocated the blocks (no sparse support).
  return ok && ::stat(p.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_blocks) * 512 < (64u << 20);
}

class HeaderOnly : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!WriteSparse(dir_ / "giant.safetensors", SafetensorsHeader(), kSafetensorsData) ||
        !WriteSparse(dir_ / "giant.gguf", GgufHeader(), kGgufData)) {
      GTEST_SKIP() << "filesystem refuses sparse files";
    }
  }
  testing::TempDir dir_;
};

TEST_F(HeaderOnly, ScanCatalogsGiantModelsFromTheirHeaders) {
  auto result = Scan(ScanOptions{.root = dir_.path(), .jobs = 2});
  ASSERT_TRUE(result.ok()) << result.error().message;
  int models = 0;
  for (const auto& c : result->components) {
    if (c.kind != ComponentKind::kModel) continue;
    ++models;
    EXPECT_TRUE(c.hashes.empty()) << c.name;  // over the digest limit
  }
  EXPECT_EQ(models, 2);
  const Component* gguf = nullptr;
  for (const auto& c : result->components) {
    if (c.name == "Sparse Giant") gguf = &c;
  }
  ASSERT_NE(gguf, nullptr);
  EXPECT_EQ(gguf->properties.at("aisec:model:parameters"), std::to_string(kGgufData / 4));
  EXPECT_LT(result->stats.bytes_read, 64u << 10) << "read beyond the headers";
}

TEST_F(HeaderOnly, ChecksReadOnlyTheHeaders) {
  auto st = testing::RunModelCheck(assess::model::RunSafetensors, dir_.path(), "giant.safetensors");
  EXPECT_TRUE(st.report.findings.empty()) << st.Rules();
  EXPECT_EQ(st.report.metadata.at("parameters"), std::to_string(kSafetensorsData / 2));
  EXPECT_LT(st.bytes_read, 4096u);
  auto gg = testing::RunModelCheck(assess::model::RunGguf, dir_.path(), "giant.gguf");
  EXPECT_TRUE(gg.report.findings.empty()) << gg.Rules();
  EXPECT_LT(gg.bytes_read, 1u << 20);  // one window at most
}

}  // namespace
}  // namespace aisec
