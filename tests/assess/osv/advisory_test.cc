#include "assess/osv/advisory.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace aisec::assess::osv {
namespace {

using aisec::testing::Fixture;
using aisec::testing::ReadFile;

Result<Advisory> LoadOne(const std::string& rel) {
  auto docs = ParseOsvDocument(ReadFile(Fixture("assess/osv/" + rel)), rel);
  if (!docs.ok()) return docs.error();
  if (docs->size() != 1) return Error{ErrorCode::kParse, "expected one record", {}};
  return ParseAdvisory(docs->front());
}

TEST(OsvAdvisory, ReadsAGhsaRecord) {
  auto adv = LoadOne("real/GHSA-56xg-wfcc-g829.json");
  ASSERT_TRUE(adv.ok()) << adv.error().message;
  EXPECT_EQ(adv->id, "GHSA-56xg-wfcc-g829");
  EXPECT_EQ(adv->modified, "2024-05-13T14:10:18Z");
  EXPECT_EQ(adv->aliases, std::vector<std::string>{"CVE-2024-34359"});
  ASSERT_EQ(adv->severity.size(), 1u);
  EXPECT_EQ(adv->severity[0].type, "CVSS_V3");
  EXPECT_EQ(adv->severity[0].score, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H");
  EXPECT_EQ(adv->database_severity, "CRITICAL");
  ASSERT_EQ(adv->affected.size(), 1u);
  EXPECT_EQ(adv->affected[0].ecosystem, "PyPI");
  EXPECT_EQ(adv->affected[0].name, "llama-cpp-python");
  ASSERT_EQ(adv->affected[0].ranges.size(), 1u);
  EXPECT_EQ(adv->affected[0].ranges[0].events[1].kind, EventKind::kLastAffected);
  EXPECT_EQ(adv->references.size(), 2u);
  EXPECT_FALSE(adv->IsMalicious());
}

TEST(OsvAdvisory, ReadsAPypiRecordWithGitAndVersions) {
  auto adv = LoadOne("real/PYSEC-2022-43015.json");
  ASSERT_TRUE(adv.ok());
  ASSERT_EQ(adv->affected[0].ranges.size(), 2u);
  EXPECT_EQ(adv->affected[0].ranges[0].type, RangeType::kGit);
  EXPECT_EQ(adv->affected[0].ranges[0].repo, "https://github.com/pytorch/pytorch");
  EXPECT_EQ(adv->affected[0].versions.size(), 26u);
  EXPECT_TRUE(adv->summary.empty());
  EXPECT_FALSE(adv->details.empty());
}

TEST(OsvAdvisory, RecognisesMaliciousAndStagingIds) {
  auto mal = LoadOne("real/MAL-2026-16135.json");
  ASSERT_TRUE(mal.ok());
  EXPECT_TRUE(mal->IsMalicious());
  EXPECT_FALSE(mal->IsStaging());
  auto staging = LoadOne("crafted/staging.json");
  ASSERT_TRUE(staging.ok());
  EXPECT_TRUE(staging->IsStaging());
}

TEST(OsvAdvisory, ReadsWithdrawn) {
  auto adv = LoadOne("crafted/withdrawn.json");
  ASSERT_TRUE(adv.ok());
  EXPECT_EQ(adv->withdrawn, "2024-06-01T00:00:00Z");
}

TEST(OsvAdvisory, ReadsYamlRecords) {
  auto adv = LoadOne("crafted/record.yaml");
  ASSERT_TRUE(adv.ok()) << adv.error().message;
  EXPECT_EQ(adv->id, "PYSEC-TEST-1");
  EXPECT_EQ(adv->affected[0].name, "Transformers");
  EXPECT_EQ(adv->affected[0].ranges[0].events[1].version, "4.36.0");
  EXPECT_EQ(adv->affected[0].versions, std::vector<std::string>{"4.0.0"});
}

TEST(OsvAdvisory, ReadsArraysOfRecords) {
  auto docs = ParseOsvDocument(ReadFile(Fixture("assess/osv/crafted/two_records.json")), "x");
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ(ParseAdvisory((*docs)[1])->affected[0].ecosystem, "crates.io");
}

TEST(OsvAdvisory, RejectsMalformedRecords) {
  for (const char* name : {"missing_id.json", "missing_package.json", "event_without_version.json",
                           "truncated.json", "deep_nesting.json", "invalid_utf8.json",
                           "not_records.json"}) {
    auto adv = LoadOne(std::string("malformed/") + name);
    EXPECT_FALSE(adv.ok()) << name;
  }
  auto deep = ParseOsvDocument(ReadFile(Fixture("assess/osv/malformed/deep_nesting.json")), "d");
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().code, ErrorCode::kLimit);
}

// Nine levels of ten aliases each would be a billion nodes.
TEST(OsvAdvisory, RefusesYamlAliasesThatExpandBeyondTheDocument) {
  auto docs = ParseOsvDocument(ReadFile(Fixture("assess/osv/malformed/alias_expansion.yaml")), "a.yaml");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.error().code, ErrorCode::kLimit);
  EXPECT_TRUE(LoadOne("crafted/record.yaml").ok());  // ordinary YAML stays within the budget
}

TEST(OsvAdvisory, EncodesAffectedEntriesLosslessly) {
  auto adv = LoadOne("real/PYSEC-2022-43015.json");
  ASSERT_TRUE(adv.ok());
  for (const Affected& a : adv->affected) {
    std::string enc = EncodeAffected(a);
    auto dec = DecodeAffected(enc);
    ASSERT_TRUE(dec.ok());
    EXPECT_EQ(dec->ranges, a.ranges);
    EXPECT_EQ(dec->versions, a.versions);
  }
  EXPECT_FALSE(DecodeAffected("Q nonsense\n").ok());
  EXPECT_FALSE(DecodeAffected("F 1.0\n").ok());  // an event before any range
}

// A line break cannot be stored; such versions are dropped rather than stored cut short.
TEST(OsvAdvisory, EncodingDropsVersionsWithLineBreaks) {
  Affected a{"PyPI", "x", {Range{RangeType::kEcosystem, "", {{EventKind::kFixed, "2.0\r"}}}},
             {"1.0\r", "1.1\n", "1.2"}};
  auto dec = DecodeAffected(EncodeAffected(a));
  ASSERT_TRUE(dec.ok());
  EXPECT_EQ(dec->versions, std::vector<std::string>{"1.2"});
  ASSERT_EQ(dec->ranges.size(), 1u);
  EXPECT_TRUE(dec->ranges[0].events.empty());
}

}  // namespace
}  // namespace aisec::assess::osv
