#include "source/walker.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "test_util.h"

namespace aisec::source {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> WalkPaths(const WalkOptions& opts, std::vector<Warning>* warnings = nullptr) {
  std::vector<std::string> paths;
  WalkStats stats;
  std::vector<Warning> w;
  EXPECT_TRUE(Walk(opts, [&](SourceFile f) { paths.push_back(f.rel_path); }, &stats,
                   warnings ? warnings : &w).ok());
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST(Walker, HonoursGitignoreAndDefaultExcludes) {
  testing::TempDir dir;
  dir.Write("a.py", "");
  dir.Write(".gitignore", "secret/\n*.log\n");
  dir.Write("secret/x.py", "");
  dir.Write("x.log", "");
  dir.Write("node_modules/pkg/package.json", "{}");
  dir.Write(".git/config", "");
  dir.Write(".venv/lib/site.py", "");
  dir.Write("src/b.py", "");
  auto paths = WalkPaths({.root = dir.path()});
  EXPECT_EQ(paths, (std::vector<std::string>{".gitignore", "a.py", "src/b.py"}));

  auto all = WalkPaths({.root = dir.path(), .default_excludes = false, .gitignore = false});
  EXPECT_EQ(all.size(), 8u);
}

TEST(Walker, UserExcludes) {
  testing::TempDir dir;
  dir.Write("keep/a.txt", "");
  dir.Write("drop/b.txt", "");
  dir.Write("c.tmp", "");
  auto paths = WalkPaths({.root = dir.path(), .excludes = {"drop/", "*.tmp"}});
  EXPECT_EQ(paths, (std::vector<std::string>{"keep/a.txt"}));
}

TEST(Walker, NeverLeavesTheRootThroughLinks) {
  testing::TempDir outside;
  outside.Write("secret.txt", "s");
  testing::TempDir dir;
  dir.Write("in.txt", "i");
  fs::create_symlink(outside / "secret.txt", dir / "link-out.txt");
  fs::create_symlink(dir / "in.txt", dir / "link-in.txt");
  fs::create_directory_symlink(outside.path(), dir / "dirlink");
  fs::create_directory_symlink(dir.path(), dir / "loop");
  fs::create_symlink(dir / "missing", dir / "broken");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  auto paths = WalkPaths({.root = dir.path()});
  EXPECT_EQ(paths, (std::vector<std::string>{"in.txt", "link-in.txt"}));
}

TEST(Walker, UnreadableFolderIsAWarning) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  testing::TempDir dir;
  dir.Write("locked/a.txt", "");
  fs::permissions(dir / "locked", fs::perms::none);
  std::vector<Warning> warnings;
  WalkPaths({.root = dir.path()}, &warnings);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(Walker, MissingRootFails) {
  WalkStats stats;
  std::vector<Warning> w;
  auto s = Walk({.root = "/nonexistent/aisec"}, [](SourceFile) {}, &stats, &w);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace aisec::source
