#include "assess/version/scheme.h"

#include <gtest/gtest.h>

namespace aisec::assess::version {
namespace {

TEST(VersionRegistry, MapsOsvEcosystems) {
  const std::pair<const char*, const char*> cases[] = {
      {"PyPI", "pep440"},  {"npm", "semver"},     {"Go", "go"},         {"crates.io", "cargo"},
      {"Maven", "maven"},  {"NuGet", "nuget"},    {"RubyGems", "rubygems"},
      {"Packagist", "composer"}, {"Maven:https://maven.google.com", "maven"}};
  for (const auto& [eco, scheme] : cases) {
    const Scheme* s = ForOsvEcosystem(eco);
    ASSERT_NE(s, nullptr) << eco;
    EXPECT_EQ(s->name(), scheme) << eco;
  }
  EXPECT_EQ(ForOsvEcosystem("Debian:12"), nullptr);
  EXPECT_EQ(ForOsvEcosystem("pypi"), nullptr);  // OSV names are case-sensitive
}

TEST(VersionRegistry, MapsPurlTypes) {
  EXPECT_EQ(ForPurlType("pypi")->name(), "pep440");
  EXPECT_EQ(ForPurlType("golang")->name(), "go");
  EXPECT_EQ(ForPurlType("gem")->name(), "rubygems");
  EXPECT_EQ(ForPurlType("cargo")->name(), "cargo");
  EXPECT_EQ(ForPurlType("conda"), nullptr);
  EXPECT_EQ(PurlTypeForOsvEcosystem("crates.io"), "cargo");
  EXPECT_EQ(PurlTypeForOsvEcosystem("Packagist"), "composer");
  EXPECT_EQ(PurlTypeForOsvEcosystem("Alpine:v3.18"), "");
}

}  // namespace
}  // namespace aisec::assess::version
