#include "assess/model/scan_model.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace aisec::assess::model {
namespace {

source::SourceFile File(const std::string& rel) {
  return source::SourceFile{rel.substr(rel.rfind('/') + 1), testing::Fixture(rel)};
}

TEST(ScanModelFile, ReportsFormatDigestMetadataAndFindings) {
  source::FileReader reader;
  ModelReport r = ScanModelFile(File("model/malicious/reduce_os_system_p2.pkl"), reader);
  EXPECT_EQ(r.format, "pickle");
  EXPECT_EQ(r.sha256.size(), 64u);
  EXPECT_EQ(r.metadata["protocol"], "2");
  bool critical = false;
  for (const auto& f : r.findings) {
    critical = critical || f.severity == Severity::kCritical;
    EXPECT_EQ(f.properties.at("aisec:sha256"), r.sha256);
    EXPECT_EQ(f.properties.at("aisec:format"), "pickle");
    EXPECT_EQ(f.component_ref, "machine-learning-model:reduce_os_system_p2.pkl");
  }
  EXPECT_TRUE(critical);
}

TEST(ScanModelFile, DigestLimitAndKnownDigest) {
  source::FileReader reader;
  auto f = File("model/benign/pytorch_state_dict.pt");
  EXPECT_TRUE(ScanModelFile(f, reader, {.digest_limit = 10}).sha256.empty());
  EXPECT_EQ(ScanModelFile(f, reader, {.known_sha256 = "abc"}).sha256, "abc");
}

TEST(ScanModelFile, UnknownFormatsAndUnreadableFiles) {
  testing::TempDir dir;
  dir.Write("notes.txt", "just text\n");
  source::FileReader reader;
  ModelReport text = ScanModelFile({"notes.txt", dir / "notes.txt"}, reader);
  EXPECT_TRUE(text.format.empty());
  EXPECT_TRUE(text.findings.empty());
  ModelReport missing = ScanModelFile({"gone.pt", dir / "gone.pt"}, reader);
  EXPECT_TRUE(missing.format.empty());
  EXPECT_FALSE(missing.warnings.empty());
}

TEST(ScanModelFile, PickleHiddenUnderAnyExtensionIsFoundByContent) {
  source::FileReader reader;
  for (const char* ext : {"bin", "pt", "txt", "png", "json"}) {
    ModelReport r = ScanModelFile(File(std::string("model/malicious/hidden_pickle.") + ext), reader);
    EXPECT_EQ(r.format, "pickle") << ext;
  }
}

TEST(ScanModelFile, JoblibArraysAreSkippedExactly) {
  source::FileReader reader;
  ModelReport raw = ScanModelFile(File("model/benign/sklearn_pipeline.joblib"), reader);
  for (const auto& f : raw.findings) EXPECT_EQ(f.severity, Severity::kInfo) << f.title;
  ModelReport lz4 = ScanModelFile(File("model/benign/sklearn_pipeline.pkl.lz4"), reader);
  EXPECT_EQ(lz4.metadata["compression"], "lz4");
  for (const auto& f : lz4.findings) EXPECT_EQ(f.severity, Severity::kInfo) << f.title;
}

TEST(ScanModelFile, MalformedStructuresAreHigh) {
  source::FileReader reader;
  for (const char* rel : {"model/zip/truncated.zip", "model/malicious/zip_bomb_declared.pt"}) {
    testing::TempDir dir;
    std::string data = testing::ReadFile(testing::Fixture(rel));
    dir.Write("m.pt", data);
    ModelReport r = ScanModelFile({"m.pt", dir / "m.pt"}, reader);
    bool high = false;
    for (const auto& f : r.findings) high = high || f.severity >= Severity::kHigh;
    EXPECT_TRUE(high) << rel;
  }
}

}  // namespace
}  // namespace aisec::assess::model
