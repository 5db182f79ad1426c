#include "core/glob.h"

#include <gtest/gtest.h>

namespace aisec {
namespace {

TEST(Glob, StarStopsAtSlash) {
  EXPECT_TRUE(GlobMatch("requirements*.txt", "requirements-dev.txt"));
  EXPECT_FALSE(GlobMatch("*.txt", "a/b.txt"));
  EXPECT_TRUE(GlobMatch("*.py", ".py"));
}

TEST(Glob, DoubleStarSpansFolders) {
  EXPECT_TRUE(GlobMatch("**/foo", "foo"));
  EXPECT_TRUE(GlobMatch("**/foo", "a/b/foo"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(GlobMatch("a/**", "a/x/y"));
  EXPECT_FALSE(GlobMatch("a/**/b", "c/a/b"));
}

TEST(Glob, ClassesAndEscapes) {
  EXPECT_TRUE(GlobMatch("file[0-9].txt", "file7.txt"));
  EXPECT_FALSE(GlobMatch("file[!0-9].txt", "file7.txt"));
  EXPECT_TRUE(GlobMatch("\\*.txt", "*.txt"));
  EXPECT_FALSE(GlobMatch("\\*.txt", "a.txt"));
  EXPECT_TRUE(GlobMatch("a?c", "abc"));
  EXPECT_FALSE(GlobMatch("a?c", "a/c"));
}

TEST(Glob, PathologicalPatternTerminates) {
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "**/a*";
  std::string text(200, 'a');
  EXPECT_FALSE(GlobMatch(pattern + "b", text));
}

// Found by fuzz/glob_fuzzer: runs of "**" backtracked exponentially.
TEST(Glob, ManyDoubleStarsStayFast) {
  EXPECT_FALSE(GlobMatch("aaa*a*******a******aa*****aaa*b", "aaaa\033*aaaaa*b"));
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "**a";
  EXPECT_FALSE(GlobMatch(pattern + "b", std::string(4000, 'a')));
  EXPECT_TRUE(GlobMatch(pattern, std::string(4000, 'a')));
}

}  // namespace
}  // namespace aisec
