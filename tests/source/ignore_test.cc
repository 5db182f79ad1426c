#include "source/ignore.h"

#include <gtest/gtest.h>

namespace aisec::source {
namespace {

TEST(Ignore, GitignoreSemantics) {
  IgnoreStack stack;
  stack.Push(ParseIgnoreFile("# comment\n*.log\n!keep.log\n/build\ndocs/\nsub/*.tmp\n**/deep\n", ""));
  EXPECT_TRUE(stack.Ignored("a.log", false));
  EXPECT_TRUE(stack.Ignored("x/y/a.log", false));
  EXPECT_FALSE(stack.Ignored("keep.log", false));
  EXPECT_TRUE(stack.Ignored("build", true));
  EXPECT_FALSE(stack.Ignored("x/build", true));  // anchored
  EXPECT_TRUE(stack.Ignored("docs", true));
  EXPECT_FALSE(stack.Ignored("docs", false));  // dir-only
  EXPECT_TRUE(stack.Ignored("sub/a.tmp", false));
  EXPECT_FALSE(stack.Ignored("other/sub/a.tmp", false));
  EXPECT_TRUE(stack.Ignored("a/b/deep", true));
}

TEST(Ignore, DeeperFilesOverride) {
  IgnoreStack stack;
  stack.Push(ParseIgnoreFile("*.txt\n", ""));
  stack.Push(ParseIgnoreFile("!important.txt\n", "pkg"));
  EXPECT_TRUE(stack.Ignored("a.txt", false));
  EXPECT_FALSE(stack.Ignored("pkg/important.txt", false));
  EXPECT_TRUE(stack.Ignored("other/important.txt", false));
}

}  // namespace
}  // namespace aisec::source
