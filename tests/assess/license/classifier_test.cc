#include "assess/license/classifier.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "aisec/aisec.h"
#include "assess/license/expression.h"
#include "assess/assessor.h"
#include "core/data.h"
#include "core/glob.h"

#include <nlohmann/json.hpp>
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

}  // namespace
}  // namespace aisec::assess::license
