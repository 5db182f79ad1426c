// Issue 5 regression: package licences are read from manifests and installed package metadata,
// classified and reported, and appear in the CycloneDX and SPDX documents.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace aisec {
namespace {

using nlohmann::json;

json Scan(const std::string& format) {
  auto out = testing::RunAisec({"scan", testing::Fixture("assess/license/issue5_tree").string(),
                                "--no-default-excludes", "--format", format, "--quiet"});
  EXPECT_NE(out.exit_code, 2) << out.err;
  return json::parse(out.out, nullptr, false);
}

TEST(Issue5Licences, EveryManifestLicenceIsClassifiedAndReported) {
  json doc = Scan("json");
  ASSERT_FALSE(doc.is_discarded());
  std::map<std::string, std::string> cls;  // component name -> licence class
  std::map<std::string, std::string> ref;  // component ref -> name
  for (const auto& c : doc["components"]) {
    std::string name = c["name"];
    if (c.contains("properties") && c["properties"].contains("aisec:license:class")) {
      cls[name] = c["properties"]["aisec:license:class"];
    }
    ref[c.value("ref", "")] = name;
  }
  EXPECT_EQ(cls["myapp"], "network-copyleft");    // pyproject.toml, PEP 639
  EXPECT_EQ(cls["webapp"], "strong-copyleft");    // package.json
  EXPECT_EQ(cls["leftpad"], "network-copyleft");  // node_modules/leftpad/package.json
  EXPECT_EQ(cls["c1"], "permissive");             // Cargo.toml
  EXPECT_EQ(cls["gplpkg"], "strong-copyleft");    // *.dist-info/METADATA
  std::map<std::string, std::string> rules;
  for (const auto& f : doc["findings"]) {
    std::string rule = f.value("rule_id", "");
    if (rule.starts_with("AISEC-LICENSE-")) rules[ref[f.value("component_ref", "")]] = rule;
  }
  EXPECT_EQ(rules["myapp"], "AISEC-LICENSE-NETWORK-COPYLEFT");
  EXPECT_EQ(rules["leftpad"], "AISEC-LICENSE-NETWORK-COPYLEFT");
  EXPECT_EQ(rules["webapp"], "AISEC-LICENSE-STRONG-COPYLEFT");
  EXPECT_EQ(rules["gplpkg"], "AISEC-LICENSE-STRONG-COPYLEFT");
  EXPECT_EQ(rules.count("c1"), 0u);
}

TEST(Issue5Licences, ProjectLicencesAppearInTheBoms) {
  std::string cdx_text = Scan("cyclonedx").dump();
  EXPECT_EQ(testing::SchemaErrors("cyclonedx", cdx_text), "");
  json cdx = json::parse(cdx_text);
  std::map<std::string, json> licences;
  if (cdx.contains("metadata") && cdx["metadata"].contains("component")) {
    const json& m = cdx["metadata"]["component"];
    if (m.contains("licenses")) licences[m["name"]] = m["licenses"];
  }
  for (const auto& c : cdx["components"]) {
    if (c.contains("licenses")) licences[c["name"]] = c["licenses"];
  }
  EXPECT_EQ(licences["myapp"].dump(), R"([{"license":{"id":"AGPL-3.0-only"}}])");
  EXPECT_EQ(licences["c1"].dump(), R"([{"expression":"MIT OR Apache-2.0"}])");
  EXPECT_EQ(licences["gplpkg"].dump(), R"([{"license":{"id":"GPL-3.0-or-later"}}])");
  std::string spdx_text = Scan("spdx").dump();
  EXPECT_EQ(testing::SchemaErrors("spdx3", spdx_text), "");
  EXPECT_NE(spdx_text.find("AGPL-3.0-only"), std::string::npos);
  EXPECT_NE(spdx_text.find("GPL-3.0-or-later"), std::string::npos);
}

}  // namespace
}  // namespace aisec
