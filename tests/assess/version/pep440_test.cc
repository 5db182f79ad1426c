// PEP 440 ordering and normalisation, from the cases the PEP itself spells out.
#include "assess/version/pep440.h"

#include "version_test_util.h"

namespace aisec::assess::version {
namespace {

using testing::ExpectAscending;
using testing::ExpectEqual;
using testing::ExpectInvalid;

TEST(Pep440, OrdersThePepSummaryExample) {
  ExpectAscending(Pep440(), {"1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                             "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345",
                             "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5",
                             "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1"});
}

TEST(Pep440, OrdersEpochsFirst) {
  ExpectAscending(Pep440(), {"1.0", "2013.10", "2020.1", "1!0.1", "1!1.0", "1!2.0", "2!0.0.1"});
  ExpectEqual(Pep440(), {"0!1.0", "1.0"});
}

TEST(Pep440, IgnoresTrailingZerosOfTheRelease) {
  ExpectEqual(Pep440(), {"1", "1.0", "1.0.0", "1.0.0.0", "01.00", "v1.0"});
  ExpectAscending(Pep440(), {"1.0", "1.0.0.1", "1.0.1", "1.1", "1.10", "2"});
}

TEST(Pep440, NormalisesPreReleaseSpellings) {
  ExpectEqual(Pep440(), {"1.0a1", "1.0.alpha1", "1.0-a-1", "1.0_a_1", "1.0A1", "v1.0a1",
                         "1.0.a.1", "1.0-ALPHA.1", "1.0alpha-1"});
  ExpectEqual(Pep440(), {"1.0b2", "1.0beta2", "1.0-BETA-2"});
  ExpectEqual(Pep440(), {"1.0rc1", "1.0c1", "1.0pre1", "1.0preview1", "1.0-RC-1"});
  ExpectEqual(Pep440(), {"1.0a", "1.0a0", "1.0alpha"});
}

TEST(Pep440, NormalisesPostAndDevSpellings) {
  ExpectEqual(Pep440(), {"1.0.post1", "1.0-1", "1.0post1", "1.0-post-1", "1.0.rev1", "1.0r1",
                         "1.0_post_1", "1.0.POST1"});
  ExpectEqual(Pep440(), {"1.0.post", "1.0.post0", "1.0-post"});
  ExpectEqual(Pep440(), {"1.0.dev", "1.0.dev0", "1.0-dev", "1.0dev0"});
}

TEST(Pep440, ImplicitPostReleaseNeedsANumber) {
  EXPECT_GT(*Pep440().CompareText("1.0-1", "1.0"), 0);
  ExpectInvalid(Pep440(), {"1.0-"});
}

TEST(Pep440, OrdersPrePostAndDevAroundARelease) {
  ExpectAscending(Pep440(), {"1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1", "1.0a1.post1",
                             "1.0a2", "1.0b1", "1.0rc1", "1.0rc2", "1.0", "1.0.post1.dev0",
                             "1.0.post1", "1.0.post2", "1.0.1.dev0", "1.0.1"});
}

TEST(Pep440, OrdersLocalVersions) {
  ExpectAscending(Pep440(), {"1.0", "1.0+a", "1.0+a.1", "1.0+abc", "1.0+b", "1.0+0", "1.0+1",
                             "1.0+1.a", "1.0+1.0", "1.0+2", "1.0+10", "1.0.post1"});
  ExpectEqual(Pep440(), {"1.0+ubuntu.1", "1.0+Ubuntu-1", "1.0+ubuntu_1"});
  ExpectEqual(Pep440(), {"2.1.0+cu118", "2.1.0+CU118"});
}

TEST(Pep440, ComparesNumbersOfAnyLength) {
  ExpectAscending(Pep440(), {"1.9", "1.10", "1.20231212000000000000001",
                             "1.20231212000000000000002", "1.100000000000000000000000"});
  ExpectEqual(Pep440(), {"1.000000000000000000000000001", "1.1"});
}

TEST(Pep440, CanonicalSpelling) {
  const std::pair<std::string, std::string> cases[] = {
      {"1.0-ALPHA-1", "1.0a1"},   {"v1.0", "1.0"},         {"1.0-1", "1.0.post1"},
      {"1!2.0.0.dev3", "1!2.0.0.dev3"}, {"0!1.0", "1.0"}, {"1.0+Ubuntu-1", "1.0+ubuntu.1"},
      {"1.0.post", "1.0.post0"}, {"01.010", "1.10"},      {"1.0c2", "1.0rc2"},
      {" 2.3.1 ", "2.3.1"},      {"1.0.preview", "1.0rc0"}, {"1.0-r4", "1.0.post4"},
  };
  for (const auto& [in, out] : cases) {
    auto c = Pep440Canonical(in);
    ASSERT_TRUE(c.ok()) << in;
    EXPECT_EQ(*c, out) << in;
  }
}

TEST(Pep440, RejectsWhatIsNotPep440) {
  // The last three are real strings from PyPI advisories' version lists (ipython, joblib,
  // nltk); matching falls back to string equality for them.
  ExpectInvalid(Pep440(), {"", "abc", "1.0.x", "1.0+", "1.0+a..b", "1..0", "dev", "1.0 beta",
                           "v", "1.0a1a2", "1.0.post1.post2", "0.7.1.fix1", "0.3.2d",
                           "2.0.1rc2-git"});
}

TEST(Pep440, KnowsWhatAPreReleaseIs) {
  auto is_pre = [](const char* text) {
    auto v = Pep440().Parse(text);
    return v.ok() && static_cast<const Pep440Version&>(*v->parsed()).IsPrerelease();
  };
  EXPECT_TRUE(is_pre("1.0a1"));
  EXPECT_TRUE(is_pre("1.0.dev1"));
  EXPECT_TRUE(is_pre("1.0.post1.dev1"));
  EXPECT_FALSE(is_pre("1.0.post1"));
  EXPECT_FALSE(is_pre("1.0+local"));
}

}  // namespace
}  // namespace aisec::assess::version
