// Merging the components of single files into the inventory.
#include "scan/merge.h"

#include <gtest/gtest.h>

#include "core/purl.h"

namespace aisec::scan {
namespace {

Component Declared(const std::string& spec, const std::string& file) {
  Component c;
  c.name = "torch";
  c.version_spec = spec;
  c.ecosystem = "pypi";
  c.purl = MakePurl("pypi", "torch", "");
  c.evidence = {Evidence{Location{file, 1}, "torch" + spec, EvidenceMethod::kManifest}};
  return c;
}

// Regression test: the merged component kept the first range and dropped the others.
TEST(MergeComponents, EveryDeclarationKeepsItsRange) {
  auto out = MergeComponents({Declared("~=2.1.0", "a/requirements.txt"),
                              Declared(">=2.3", "b/c/requirements.txt"),
                              Declared(">=2.0,<2.3", "requirements.txt")});
  ASSERT_EQ(out.size(), 1u);
  const Component& c = out[0];
  ASSERT_EQ(c.evidence.size(), 3u);
  for (const auto& e : c.evidence) {
    if (e.location.path == "a/requirements.txt") {
      EXPECT_EQ(e.version_spec, "~=2.1.0");
    }
    if (e.location.path == "b/c/requirements.txt") {
      EXPECT_EQ(e.version_spec, ">=2.3");
    }
    if (e.location.path == "requirements.txt") {
      EXPECT_EQ(e.version_spec, ">=2.0,<2.3");
    }
  }
  // The component shows the range declared nearest the scanned root, whatever the order.
  EXPECT_EQ(c.version_spec, ">=2.0,<2.3");
  auto reversed = MergeComponents(
      {Declared(">=2.0,<2.3", "requirements.txt"), Declared("~=2.1.0", "a/requirements.txt")});
  EXPECT_EQ(reversed[0].version_spec, ">=2.0,<2.3");
}

TEST(MergeComponents, ADeclarationWithoutRangeTakesAnotherOnesRange) {
  Component bare = Declared("", "a/requirements.txt");
  auto out = MergeComponents({bare, Declared(">=2.3", "b/requirements.txt")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].version_spec, ">=2.3");
}

}  // namespace
}  // namespace aisec::scan
