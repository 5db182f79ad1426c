#include <gtest/gtest.h>

#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;
using testing::RunCataloger;

TEST(Gemspec, ReadsNameVersionAndLicence) {
  auto out = RunCataloger(ruby::Gemspec, Fixture("catalog/ruby/licenses"), "single.gemspec");
  ASSERT_EQ(out.components.size(), 1u);
  const Component& c = out.components[0];
  EXPECT_EQ(c.kind, ComponentKind::kApplication);
  EXPECT_EQ(c.name, "ai_helper");
  EXPECT_EQ(c.version, "0.3.1");
  EXPECT_EQ(c.purl, "pkg:gem/ai_helper@0.3.1");
  EXPECT_EQ(c.licenses, std::vector<std::string>{"MIT"});
  EXPECT_EQ(c.evidence[0].location.line, 3u);
}

TEST(Gemspec, SeveralLicencesAreAChoiceAndComputedVersionsAreSkipped) {
  auto out = RunCataloger(ruby::Gemspec, Fixture("catalog/ruby/licenses"), "dual.gemspec");
  ASSERT_EQ(out.components.size(), 1u);
  EXPECT_EQ(out.components[0].version, "");  // Dual::VERSION is not evaluated
  EXPECT_EQ(out.components[0].licenses, std::vector<std::string>{"GPL-3.0-only OR Ruby"});
  auto words = RunCataloger(ruby::Gemspec, Fixture("catalog/ruby/licenses"), "words.gemspec");
  ASSERT_EQ(words.components.size(), 1u);
  EXPECT_EQ(words.components[0].licenses, std::vector<std::string>{"AGPL-3.0-only"});
}

TEST(Gemspec, TruncatedFileWarns) {
  auto out = RunCataloger(ruby::Gemspec, Fixture("catalog/ruby/licenses"), "truncated.gemspec");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
}

// A %w[ list that never closes used to loop forever in the lexer (found by fuzzing).
TEST(Gemspec, UnterminatedWordListWarnsAndEnds) {
  auto out = RunCataloger(ruby::Gemspec, Fixture("catalog/ruby/licenses"), "unterminated_words.gemspec");
  EXPECT_TRUE(out.components.empty());
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("unterminated"), std::string::npos);
}

}  // namespace
}  // namespace aisec::catalog
