#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

// The one component the file describes (an empty one, and a failure, when there is not one).
Component Only(const testing::CatalogOutput& out) {
  EXPECT_EQ(out.components.size(), 1u);
  return out.components.empty() ? Component{} : out.components[0];
}

TEST(DistMetadata, LicenseExpressionWinsOverClassifiers) {
  auto out = RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"),
                          "openai-1.54.3.dist-info/METADATA");
  const Component c = Only(out);
  EXPECT_EQ(c.kind, ComponentKind::kLibrary);
  EXPECT_EQ(c.name, "openai");
  EXPECT_EQ(c.version, "1.54.3");
  EXPECT_EQ(c.purl, "pkg:pypi/openai@1.54.3");
  EXPECT_EQ(c.licenses, std::vector<std::string>{"Apache-2.0"});  // the body is not read
  EXPECT_EQ(c.evidence[0].location.line, 2u);
}

TEST(DistMetadata, MultiLineLicenseIsJoined) {
  const Component c = Only(RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"),
                                         "oldpkg-0.9.dist-info/METADATA"));
  EXPECT_EQ(c.name, "old-pkg");
  ASSERT_EQ(c.licenses.size(), 1u);
  EXPECT_EQ(c.licenses[0], "GNU General Public License v3 or any later version, see COPYING");
}

TEST(DistMetadata, ClassifiersMapToSpdxAndUnknownIsIgnored) {
  const Component c = Only(RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"),
                                         "multi-2.0.dist-info/METADATA"));
  EXPECT_EQ(c.licenses, std::vector<std::string>{"MIT OR Apache-2.0"});
  // "BSD License" does not say which BSD licence: kept as written, not guessed.
  const Component u = Only(RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"),
                                         "unknown-1.0.dist-info/METADATA"));
  EXPECT_EQ(u.licenses, std::vector<std::string>{"BSD License"});
}

TEST(DistMetadata, PkgInfoIsRead) {
  const Component c = Only(RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/sdist"), "PKG-INFO"));
  EXPECT_EQ(c.name, "sdist-pkg");
  EXPECT_EQ(c.licenses, std::vector<std::string>{"BSD-3-Clause"});
}

TEST(DistMetadata, MalformedFilesWarnOrDegrade) {
  auto noname = RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"),
                             "noname.dist-info/METADATA");
  EXPECT_TRUE(noname.components.empty());
  ASSERT_EQ(noname.warnings.size(), 1u);
  EXPECT_EQ(noname.warnings[0].location.line, 1u);
  const Component t = Only(RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"), "truncated_METADATA"));
  EXPECT_EQ(t.licenses, std::vector<std::string>{"MI"});
  auto bad = RunCataloger(python::DistMetadata, Fixture("catalog/python/licenses/site"), "invalid_utf8_METADATA");
  EXPECT_LE(bad.components.size(), 1u);
}

TEST(DistMetadata, ClaimsOnlyMetadataFiles) {
  EXPECT_TRUE(python::ClaimsDistMetadata("venv/lib/site-packages/x-1.0.dist-info/METADATA"));
  EXPECT_TRUE(python::ClaimsDistMetadata("x.egg-info/PKG-INFO"));
  EXPECT_TRUE(python::ClaimsDistMetadata("PKG-INFO"));
  EXPECT_FALSE(python::ClaimsDistMetadata("docs/METADATA"));
  EXPECT_FALSE(python::ClaimsDistMetadata("METADATA"));
  EXPECT_FALSE(python::ClaimsDistMetadata("x.dist-info/RECORD"));
}

}  // namespace
}  // namespace aisec::catalog
