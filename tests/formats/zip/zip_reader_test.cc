#include "formats/zip/zip_reader.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::formats::zip {
namespace {

struct Opened {
  source::MemorySource source;
  Result<Archive> archive;
};

std::unique_ptr<Opened> OpenFixture(const std::string& rel) {
  auto src = std::make_unique<source::MemorySource>(testing::ReadFile(testing::Fixture(rel)));
  auto o = std::unique_ptr<Opened>(new Opened{std::move(*src), Status::Internal("unset")});
  o->archive = Archive::Open(o->source);
  return o;
}

bool HasIssue(const Archive& a, IssueKind kind) {
  for (const auto& i : a.issues()) {
    if (i.kind == kind) return true;
  }
  return false;
}

std::string ReadEntry(Archive& a, const Entry& e, bool* verified) {
  auto s = a.OpenEntry(e);
  EXPECT_TRUE(s.ok());
  if (!s.ok()) return "";
  std::string out(e.uncompressed_size, '\0');
  out.resize((*s)->Read(out.data(), out.size()));
  *verified = a.Verify(e, **s);
  return out;
}

TEST(ZipReader, ReadsAPyTorchCheckpointLayout) {
  auto o = OpenFixture("model/benign/pytorch_state_dict.pt");
  ASSERT_TRUE(o->archive.ok()) << o->archive.error().message;
  Archive& a = *o->archive;
  EXPECT_TRUE(a.issues().empty());
  ASSERT_GE(a.entries().size(), 5u);
  EXPECT_EQ(a.entries()[0].name, "archive/data.pkl");
  EXPECT_EQ(a.entries()[0].data_offset % 64, 0u);  // PyTorch aligns record data
  bool ok = false;
  std::string data = ReadEntry(a, a.entries()[0], &ok);
  EXPECT_TRUE(ok);
  EXPECT_EQ(data.substr(0, 2), "\x80\x02");
}

TEST(ZipReader, Zip64DataDescriptorsDeflateAndComments) {
  for (const char* rel : {"model/zip/zip64.zip", "model/zip/data_descriptor.zip", "model/zip/deflated.zip",
                          "model/zip/comment.zip"}) {
    auto o = OpenFixture(rel);
    ASSERT_TRUE(o->archive.ok()) << rel;
    Archive& a = *o->archive;
    EXPECT_TRUE(a.issues().empty()) << rel << ": " << a.issues().front().message;
    ASSERT_FALSE(a.entries().empty()) << rel;
    bool ok = false;
    std::string data = ReadEntry(a, a.entries()[0], &ok);
    EXPECT_TRUE(ok) << rel;
    EXPECT_EQ(data.substr(0, 2), "\x80\x02") << rel;
  }
}

TEST(ZipReader, PrependedDataShiftsOffsetsAndIsReported) {
  auto o = OpenFixture("model/zip/prepended.zip");
  ASSERT_TRUE(o->archive.ok());
  EXPECT_TRUE(HasIssue(*o->archive, IssueKind::kMalformed));
  ASSERT_EQ(o->archive->entries().size(), 1u);
  EXPECT_TRUE(o->archive->entries()[0].readable);
}

// Found by the fuzz target: a ZIP64 end record whose directory offset is near 2^64 made the
// prepended-data check overflow. The archive is reported, not trusted.
TEST(ZipReader, Zip64DirectoryOffsetNearTheTopOfTheRange) {
  auto o = OpenFixture("model/zip/zip64_huge_directory_offset.zip");
  if (o->archive.ok()) {
    EXPECT_TRUE(HasIssue(*o->archive, IssueKind::kMalformed));
  }
}

// An entry's ZIP64 offset plus the prepended-data shift once overflowed a signed addition (the
// sanitizer build checks it); found by fuzzing.
TEST(ZipReader, Zip64EntryOffsetPlusShiftDoesNotOverflow) {
  auto o = OpenFixture("model/zip/zip64_entry_offset_shift_overflow.zip");
  if (o->archive.ok()) {
    EXPECT_TRUE(HasIssue(*o->archive, IssueKind::kMalformed));
  }
}

TEST(ZipReader, TruncatedAndEmptyArchives) {
  EXPECT_FALSE(OpenFixture("model/zip/truncated.zip")->archive.ok());
  auto empty = OpenFixture("model/zip/empty.zip");
  ASSERT_TRUE(empty->archive.ok());
  EXPECT_TRUE(empty->archive->entries().empty());
  source::MemorySource garbage(std::string(100, 'x'));
  EXPECT_FALSE(Archive::Open(garbage).ok());
}

TEST(ZipReader, ReportsEncryptionNameMismatchTraversalAndBombs) {
  auto enc = OpenFixture("model/zip/encrypted.zip");
  ASSERT_TRUE(enc->archive.ok());
  EXPECT_TRUE(HasIssue(*enc->archive, IssueKind::kEncrypted));
  EXPECT_FALSE(enc->archive->OpenEntry(enc->archive->entries()[0]).ok());
  auto mismatch = OpenFixture("model/malicious/pytorch_zip_name_mismatch.pt");
  EXPECT_TRUE(HasIssue(*mismatch->archive, IssueKind::kNameMismatch));
  EXPECT_TRUE(HasIssue(*OpenFixture("model/malicious/pytorch_zip_traversal.pt")->archive, IssueKind::kTraversal));
  EXPECT_TRUE(HasIssue(*OpenFixture("model/malicious/pytorch_zip_backslash.pt")->archive, IssueKind::kTraversal));
  EXPECT_TRUE(HasIssue(*OpenFixture("model/malicious/zip_bomb_overlap.pt")->archive, IssueKind::kBomb));
  EXPECT_TRUE(HasIssue(*OpenFixture("model/malicious/zip_bomb_declared.pt")->archive, IssueKind::kBomb));
}

TEST(ZipReader, BadCrcIsReportedAndTheBytesStillRead) {
  auto o = OpenFixture("model/malicious/pytorch_zip_bad_crc.pt");
  ASSERT_TRUE(o->archive.ok());
  Archive& a = *o->archive;
  bool ok = true;
  std::string data = ReadEntry(a, a.entries()[0], &ok);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(HasIssue(a, IssueKind::kBadCrc));
  EXPECT_NE(data.find("system"), std::string::npos);
}

TEST(ZipReader, FirstEntryNameAndMagic) {
  std::string head = testing::ReadFile(testing::Fixture("model/benign/pytorch_state_dict.pt")).substr(0, 4096);
  EXPECT_TRUE(LooksLikeZip(head));
  EXPECT_EQ(FirstEntryName(head).value_or(""), "archive/data.pkl");
  EXPECT_FALSE(FirstEntryName(head.substr(0, 40)).has_value());
  EXPECT_FALSE(LooksLikeZip("\x80\x02}"));
}

}  // namespace
}  // namespace aisec::formats::zip
