#include "assess/license/classifier.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "aisec/aisec.h"
#include "assess/license/expression.h"
#include "assess/assessor.h"
#include "core/data.h"
#include "core/glob.h"

#include <nlohmann/json.hpp>
#include <set>
#include "test_util.h"

namespace aisec::assess {
Status Licenses(Context& ctx);
}

namespace aisec::assess::license {
namespace {

std::string_view C(std::string_view text) { return LicenseClassName(Classify(text).cls); }

TEST(LicenseClassifier, SpdxClasses) {
  EXPECT_EQ(C("MIT"), "permissive");
  EXPECT_EQ(C("Apache-2.0"), "permissive");
  EXPECT_EQ(C("LGPL-2.1-only"), "weak-copyleft");
  EXPECT_EQ(C("MPL-2.0"), "weak-copyleft");
  EXPECT_EQ(C("GPL-3.0-or-later"), "strong-copyleft");
  EXPECT_EQ(C("AGPL-3.0-only"), "network-copyleft");
  EXPECT_EQ(C("CC-BY-NC-4.0"), "non-commercial");
  EXPECT_EQ(C("Something-Else-1.0"), "unknown");
}

TEST(LicenseClassifier, ExpressionsChooseAndCombine) {
  EXPECT_EQ(C("GPL-3.0-only OR MIT"), "permissive");       // the user may pick MIT
  EXPECT_EQ(C("MIT AND GPL-3.0-only"), "strong-copyleft");  // both apply
  EXPECT_EQ(C("GPL-2.0-only WITH Classpath-exception-2.0"), "weak-copyleft");
}

TEST(LicenseClassifier, ModelLicencesCarryConditions) {
  auto llama = Classify("llama3.1");
  EXPECT_EQ(LicenseClassName(llama.cls), "use-restricted");
  EXPECT_EQ(llama.model_license, "llama3.1");
  bool threshold = false;
  for (const auto& c : llama.conditions) threshold = threshold || c.find("700 million") != std::string::npos;
  EXPECT_TRUE(threshold);
  EXPECT_EQ(C("creativeml-openrail-m"), "use-restricted");
  EXPECT_EQ(C("gemma"), "use-restricted");
  EXPECT_EQ(C("cc-by-nc-4.0"), "non-commercial");
}

TEST(LicenseData, EveryClassPatternMatchesAnSpdxId) {
  auto classes = YAML::Load(std::string(*DataFile("licenses/classes.yaml")));
  auto ids = nlohmann::json::parse(*DataFile("licenses/spdx-licenses.json"));
  for (const auto& c : classes["classes"]) {
    for (const auto& g : c["spdx"]) {
      std::string glob = g.as<std::string>();
      if (glob.starts_with("LicenseRef-")) continue;
      bool any = false;
      for (const auto& l : ids["licenses"]) any = any || GlobMatch(glob, l["id"].get<std::string>());
      EXPECT_TRUE(any) << c["id"].as<std::string>() << ": " << glob << " matches no SPDX id";
    }
  }
  EXPECT_GE(ids["licenses"].size(), 600u);
}

TEST(LicensesAssessor, FindsRestrictiveLicences) {
  ScanResult r;
  r.components.push_back(Component{.kind = ComponentKind::kLibrary, .name = "x", .purl = "pkg:npm/x@1", .licenses = {"AGPL-3.0"}});
  r.components.push_back(Component{.kind = ComponentKind::kLibrary, .name = "y", .purl = "pkg:npm/y@1", .licenses = {"MIT"}});
  ScanOptions options;
  source::FileReader reader;
  assess::Context ctx{r, options, reader};
  ASSERT_TRUE(Licenses(ctx).ok());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "AISEC-LICENSE-NETWORK-COPYLEFT");
  EXPECT_EQ(r.findings[0].severity, Severity::kHigh);
  EXPECT_EQ(r.components[0].properties.at("aisec:license:expression"), "AGPL-3.0-only");
  EXPECT_EQ(r.components[1].properties.at("aisec:license:class"), "permissive");
}

// Issue 5: every class, at least two ids each; the Creative Commons variants in full.
TEST(LicenseClassifier, EveryClassWithTwoIds) {
  const std::pair<const char*, std::vector<const char*>> kCases[] = {
      {"permissive", {"MIT", "Apache-2.0", "BSD-3-Clause", "CC-BY-4.0", "CC-BY-3.0-DE", "CC0-1.0"}},
      {"weak-copyleft", {"LGPL-2.1-only", "MPL-2.0", "EPL-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"}},
      {"strong-copyleft", {"GPL-3.0-or-later", "GPL-2.0-only", "CC-BY-SA-4.0", "CC-BY-SA-3.0"}},
      {"network-copyleft", {"AGPL-3.0-only", "SSPL-1.0", "EUPL-1.2"}},
      {"non-commercial", {"CC-BY-NC-4.0", "CC-BY-NC-SA-3.0", "CC-BY-NC-ND-4.0", "PolyForm-Noncommercial-1.0.0"}},
      {"use-restricted", {"BUSL-1.1", "Elastic-2.0", "CC-BY-ND-4.0", "creativeml-openrail-m", "llama3.1"}},
      {"proprietary", {"LicenseRef-proprietary", "UNLICENSED", "Proprietary"}},
      {"unknown", {"Something-Else-1.0", "BSD", "MIT WITH Foo-exception", "not (a licence"}},
  };
  for (const auto& [cls, ids] : kCases) {
    for (const char* id : ids) EXPECT_EQ(C(id), cls) << id;
  }
}

TEST(LicenseClassifier, CreativeCommonsVariantsByTheirStrictestTerm) {
  auto ids = nlohmann::json::parse(*DataFile("licenses/spdx-licenses.json"));
  int nc = 0;
  for (const auto& l : ids["licenses"]) {
    std::string id = l["id"];
    if (!id.starts_with("CC-BY-")) continue;
    std::string_view want = id.starts_with("CC-BY-NC")   ? "non-commercial"
                            : id.starts_with("CC-BY-ND") ? "use-restricted"
                            : id.starts_with("CC-BY-SA") ? "strong-copyleft"
                                                         : "permissive";
    EXPECT_EQ(C(id), want) << id;
    nc += want == "non-commercial";
  }
  EXPECT_GE(nc, 20);  // every CC-BY-NC, CC-BY-NC-SA and CC-BY-NC-ND version
}

TEST(LicenseClassifier, AndTakesTheMostAndOrTheLeastRestrictive) {
  EXPECT_EQ(C("CC-BY-NC-SA-3.0"), "non-commercial");
  EXPECT_EQ(C("MIT AND CC-BY-NC-SA-4.0"), "non-commercial");
  EXPECT_EQ(C("CC-BY-NC-SA-3.0 OR MIT"), "permissive");
  EXPECT_EQ(C("GPL-3.0-only AND CC-BY-NC-4.0"), "non-commercial");
  EXPECT_EQ(C("AGPL-3.0-only OR GPL-3.0-only"), "strong-copyleft");
  EXPECT_EQ(C("MIT AND Foo-1.0"), "unknown");
  EXPECT_EQ(C("MIT OR Foo-1.0"), "permissive");
  EXPECT_EQ(C("MIT/Apache-2.0"), "permissive");
}

TEST(LicenseClassifier, LegacySpellingIsRecorded) {
  auto c = Classify("MIT / Apache-2.0");
  EXPECT_EQ(c.expression, "MIT OR Apache-2.0");
  bool noted = false;
  for (const auto& cond : c.conditions) noted = noted || cond.find("was read as") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(LicenseClassifier, ModelLicenceInsideAnExpression) {
  auto c = Classify("MIT AND llama3.1");
  EXPECT_EQ(c.expression, "MIT AND LicenseRef-llama3.1");
  EXPECT_EQ(LicenseClassName(c.cls), "use-restricted");
  EXPECT_EQ(c.model_license, "llama3.1");
  bool threshold = false;
  for (const auto& cond : c.conditions) threshold = threshold || cond.find("700 million") != std::string::npos;
  EXPECT_TRUE(threshold);
  auto card = Classify("(mit) AND (llama3)");  // how the assessor joins a card's [mit, llama3]
  EXPECT_EQ(card.expression, "MIT AND LicenseRef-llama3");
  EXPECT_EQ(card.model_license, "llama3");
  auto two = Classify("llama3.1 OR gemma");
  EXPECT_EQ(two.expression, "LicenseRef-llama3.1 OR LicenseRef-gemma");
  EXPECT_EQ(two.model_license, "llama3.1,gemma");
}

TEST(LicenseData, ClassOrderIsExplicitAndComplete) {
  auto classes = YAML::Load(std::string(*DataFile("licenses/classes.yaml")));
  std::set<std::string> ids;
  for (const auto& c : classes["classes"]) ids.insert(c["id"].as<std::string>());
  std::set<std::string> matched, ranked;
  for (const auto& c : classes["match_order"]) EXPECT_TRUE(matched.insert(c.as<std::string>()).second);
  for (const auto& c : classes["restrictiveness"]) EXPECT_TRUE(ranked.insert(c.as<std::string>()).second);
  EXPECT_EQ(matched, ids);
  ids.insert("unknown");
  EXPECT_EQ(ranked, ids);
  // Non-commercial is tried before the copyleft classes, whose globs overlap it in spirit.
  std::vector<std::string> order;
  for (const auto& c : classes["match_order"]) order.push_back(c.as<std::string>());
  EXPECT_LT(std::find(order.begin(), order.end(), "non-commercial") - order.begin(),
            std::find(order.begin(), order.end(), "strong-copyleft") - order.begin());
}

TEST(LicensesAssessor, ModelLicenceConditionsInACompoundCardLicence) {
  ScanResult r;
  r.components.push_back(Component{.kind = ComponentKind::kModel, .name = "m", .licenses = {"mit", "llama3"}});
  ScanOptions options;
  source::FileReader reader;
  assess::Context ctx{r, options, reader};
  ASSERT_TRUE(Licenses(ctx).ok());
  EXPECT_EQ(r.components[0].properties.at("aisec:license:expression"), "MIT AND LicenseRef-llama3");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].properties.at("aisec:license:model"), "llama3");
  EXPECT_NE(r.findings[0].description.find("attribution"), std::string::npos);
}

}  // namespace
}  // namespace aisec::assess::license
