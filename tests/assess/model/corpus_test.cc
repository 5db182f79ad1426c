// The model-security corpus (tests/fixtures/model, made by gen_corpus.py): every malicious file
// must be detected with its expected rule (and callable), and no benign file may get a high or
// critical finding (issue 4, "Measured").
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "aisec/aisec.h"
#include "core/parse.h"
#include "test_util.h"

namespace aisec {
namespace {

struct Corpus {
  YAML::Node expectations;
  ScanResult benign;
  ScanResult malicious;
};

const Corpus& Load() {
  static const Corpus corpus = [] {
    Corpus c;
    auto text = testing::ReadFile(testing::Fixture("model/expectations.yaml"));
    auto doc = ParseYaml(text, "expectations.yaml");
    EXPECT_TRUE(doc.ok());
    if (doc.ok()) c.expectations = *doc;
    auto b = ScanModels({testing::Fixture("model/benign")}, {.jobs = 2});
    auto m = ScanModels({testing::Fixture("model/malicious")}, {.jobs = 2});
    EXPECT_TRUE(b.ok() && m.ok());
    if (b.ok()) c.benign = std::move(*b);
    if (m.ok()) c.malicious = std::move(*m);
    return c;
  }();
  return corpus;
}

std::string FileOf(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// A finding counts for every file it is located in (an old joblib pickle and the array file it
// names share one).
std::map<std::string, std::vector<const Finding*>> ByFile(const ScanResult& r) {
  std::map<std::string, std::vector<const Finding*>> out;
  for (const auto& f : r.findings) {
    for (const auto& e : f.evidence) out[FileOf(e.location.path)].push_back(&f);
  }
  return out;
}

bool Serious(const Finding& f) { return f.severity >= Severity::kHigh; }

TEST(ModelCorpus, DetectsEveryMaliciousFileWithItsRule) {
  const Corpus& c = Load();
  auto by_file = ByFile(c.malicious);
  size_t total = 0, detected = 0;
  for (const auto& e : c.expectations["malicious"]) {
    ++total;
    std::string file = e["file"].as<std::string>();
    std::string rule = e["rule"].as<std::string>();
    std::string callable = e["callable"] ? e["callable"].as<std::string>() : "";
    bool found = false;
    for (const Finding* f : by_file[file]) {
      auto it = f->properties.find("aisec:callable");
      bool callable_ok = callable.empty() || (it != f->properties.end() && it->second == callable);
      found = found || (f->rule_id == rule && callable_ok && Serious(*f));
    }
    EXPECT_TRUE(found) << file << ": expected " << rule << " " << callable;
    if (found) ++detected;
  }
  EXPECT_GE(total, 60u);
  EXPECT_EQ(detected, total);
}

TEST(ModelCorpus, BenignFilesHaveNoHighFindingsAndTheRightFormat) {
  const Corpus& c = Load();
  std::map<std::string, std::string> formats;
  for (const auto& comp : c.benign.components) formats[FileOf(comp.name)] = comp.properties.at("aisec:format");
  size_t total = 0;
  for (const auto& e : c.expectations["benign"]) {
    ++total;
    std::string file = e["file"].as<std::string>();
    EXPECT_EQ(formats[file], e["format"].as<std::string>()) << file;
  }
  EXPECT_GE(total, 20u);
  for (const auto& f : c.benign.findings) {
    EXPECT_FALSE(Serious(f)) << f.rule_id << " " << f.evidence.front().location.path << ": "
                             << f.evidence.front().snippet;
  }
  EXPECT_TRUE(c.benign.warnings.empty());
  EXPECT_EQ(c.benign.exit_code, 0);
  EXPECT_EQ(c.malicious.exit_code, 1);
}

TEST(ModelCorpus, PrintsRecallAndPrecision) {
  const Corpus& c = Load();
  std::set<std::string> flagged_malicious, flagged_benign;
  for (const auto& [file, findings] : ByFile(c.malicious)) {
    if (std::any_of(findings.begin(), findings.end(), [](const Finding* f) { return Serious(*f); })) {
      flagged_malicious.insert(file);
    }
  }
  for (const auto& [file, findings] : ByFile(c.benign)) {
    if (std::any_of(findings.begin(), findings.end(), [](const Finding* f) { return Serious(*f); })) {
      flagged_benign.insert(file);
    }
  }
  double malicious = c.expectations["malicious"].size();
  double tp = flagged_malicious.size(), fp = flagged_benign.size();
  double recall = tp / malicious, precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  std::printf("model corpus: %zu malicious, %zu benign files; recall %.3f, precision %.3f\n",
              static_cast<size_t>(malicious), c.expectations["benign"].size(), recall, precision);
  EXPECT_EQ(recall, 1.0);
  EXPECT_EQ(precision, 1.0);
}

TEST(ModelCorpus, FindingsCarryOffsetsDigestsAndFrameworks) {
  const Corpus& c = Load();
  bool checked = false;
  for (const auto& f : c.malicious.findings) {
    if (FileOf(f.evidence.front().location.path) != "reduce_os_system_p2.pkl" ||
        f.rule_id != "AISEC-MODEL-PICKLE-IMPORT") {
      continue;
    }
    checked = true;
    EXPECT_EQ(f.severity, Severity::kCritical);
    EXPECT_EQ(f.properties.at("aisec:technique"), "command-execution");
    EXPECT_EQ(f.properties.at("aisec:offset"), "2");
    EXPECT_EQ(f.properties.at("aisec:call-args"), "('id',)");
    EXPECT_EQ(f.properties.at("aisec:sha256").size(), 64u);
    EXPECT_EQ(f.frameworks.at("cwe"), std::vector<std::string>{"CWE-502"});
    EXPECT_NE(f.remediation.find("safetensors"), std::string::npos);
    EXPECT_NE(f.remediation.find("weights_only=True"), std::string::npos);
    EXPECT_FALSE(f.fingerprint.empty());
  }
  EXPECT_TRUE(checked);
}

}  // namespace
}  // namespace aisec
