#include "core/pattern_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <optional>
#include <thread>

#include "core/pattern_set.h"
#include "test_util.h"

namespace aisec {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Points AISEC_CACHE_DIR somewhere for one test and puts the old value back.
class CacheDirEnv {
 public:
  explicit CacheDirEnv(const std::string& value) {
    if (const char* old = std::getenv("AISEC_CACHE_DIR")) old_ = old;
    ::setenv("AISEC_CACHE_DIR", value.c_str(), 1);
  }
  ~CacheDirEnv() {
    if (old_) ::setenv("AISEC_CACHE_DIR", old_->c_str(), 1);
    else ::unsetenv("AISEC_CACHE_DIR");
  }
  CacheDirEnv(const CacheDirEnv&) = delete;
  CacheDirEnv& operator=(const CacheDirEnv&) = delete;

 private:
  std::optional<std::string> old_;
};

const std::vector<PatternSpec> kSpecs = {
    {R"(\bgpt-4o(-mini)?\b)"}, {R"re(model\s*=\s*"([^"]+)")re"}, {"OPENAI_API_KEY", true}};
const std::string kText = "client(model=\"gpt-4o-mini\")\nopenai_api_key = 1\n";

// (id, start, end, groups) of every match, for comparing two compiles.
std::vector<std::string> Matches(const std::vector<PatternSpec>& specs, std::string_view text) {
  auto set = PatternSet::Compile(specs);
  EXPECT_TRUE(set.ok()) << set.error().message;
  std::vector<std::string> out;
  if (!set.ok()) return out;
  (*set)->Scan(text, [&](const PatternMatch& m) {
    std::string s = std::to_string(m.id) + ":" + std::to_string(m.start) + "-" + std::to_string(m.end);
    for (auto g : m.groups) s += "|" + std::string(g);
    out.push_back(s);
  });
  return out;
}

// Every file in the cache's patterns folder.
std::vector<fs::path> Entries(const fs::path& root) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root / "patterns", ec)) out.push_back(e.path());
  return out;
}

ino_t Inode(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0);
  return st.st_ino;
}

TEST(PatternCache, ColdCacheWritesOneEntry) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  EXPECT_EQ(Matches(kSpecs, kText).size(), 3u);
  auto entries = Entries(tmp.path());
  ASSERT_EQ(entries.size(), 1u);  // no temporary file left behind
  EXPECT_EQ(entries[0].extension(), ".hsdb");
  EXPECT_GT(fs::file_size(entries[0]), 40u);
}

TEST(PatternCache, WarmCacheLoadsTheEntryAndMatchesTheSame) {
  TempDir tmp;
  std::vector<std::string> uncached;
  {
    CacheDirEnv off("");
    uncached = Matches(kSpecs, kText);
  }
  CacheDirEnv env(tmp.path().string());
  EXPECT_EQ(Matches(kSpecs, kText), uncached);
  auto entries = Entries(tmp.path());
  ASSERT_EQ(entries.size(), 1u);
  ino_t cold = Inode(entries[0]);
  EXPECT_EQ(Matches(kSpecs, kText), uncached);
  // A failed load would have compiled and renamed a fresh file into place.
  EXPECT_EQ(Inode(entries[0]), cold);
  ASSERT_EQ(Entries(tmp.path()).size(), 1u);
}

// Damages the single entry with `damage`, then checks that a compile ignores and rewrites it.
void ExpectRepaired(void (*damage)(const fs::path&)) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  auto expected = Matches(kSpecs, kText);
  auto entries = Entries(tmp.path());
  ASSERT_EQ(entries.size(), 1u);
  std::string good = testing::ReadFile(entries[0]);
  damage(entries[0]);
  ASSERT_NE(testing::ReadFile(entries[0]), good);
  EXPECT_EQ(Matches(kSpecs, kText), expected);
  EXPECT_EQ(testing::ReadFile(entries[0]), good);
  EXPECT_EQ(Entries(tmp.path()).size(), 1u);
}

TEST(PatternCache, CorruptedEntryIsIgnoredAndRepaired) {
  ExpectRepaired([](const fs::path& p) {
    std::string bytes = testing::ReadFile(p);
    bytes[bytes.size() / 2] ^= 0x5a;
    testing::WriteFile(p, bytes);
  });
}

TEST(PatternCache, TruncatedEntryIsIgnoredAndRepaired) {
  ExpectRepaired([](const fs::path& p) { fs::resize_file(p, fs::file_size(p) / 2); });
}

TEST(PatternCache, HeaderOnlyOrForeignEntryIsIgnoredAndRepaired) {
  ExpectRepaired([](const fs::path& p) { fs::resize_file(p, 40); });
  ExpectRepaired([](const fs::path& p) { testing::WriteFile(p, "not a pattern database\n"); });
  ExpectRepaired([](const fs::path& p) { testing::WriteFile(p, ""); });
}

TEST(PatternCache, EntryWithAnotherKeyInsideIsIgnored) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  Matches({{"alpha"}}, "alpha");
  Matches({{"beta"}}, "beta");
  auto entries = Entries(tmp.path());
  ASSERT_EQ(entries.size(), 2u);
  // Swap the files: each name now holds a valid database of the other key.
  std::string a = testing::ReadFile(entries[0]), b = testing::ReadFile(entries[1]);
  testing::WriteFile(entries[0], b);
  testing::WriteFile(entries[1], a);
  EXPECT_EQ(Matches({{"alpha"}}, "alpha beta").size(), 1u);
  EXPECT_EQ(Matches({{"beta"}}, "alpha beta").size(), 1u);
  auto repaired = Entries(tmp.path());
  ASSERT_EQ(repaired.size(), 2u);
  EXPECT_EQ(testing::ReadFile(entries[0]), a);
  EXPECT_EQ(testing::ReadFile(entries[1]), b);
}

TEST(PatternCache, DifferentPatternsUseDifferentEntries) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  EXPECT_EQ(Matches({{"needle"}}, "needle NEEDLE").size(), 1u);
  EXPECT_EQ(Matches({{"needle", true}}, "needle NEEDLE").size(), 2u);  // only the flag differs
  EXPECT_EQ(Matches({{"needle"}, {"other"}}, "needle other").size(), 2u);
  EXPECT_EQ(Entries(tmp.path()).size(), 3u);
}

TEST(PatternCache, KeyCoversExpressionsFlagsIdsAndMode) {
  std::vector<const char*> exprs = {"a", "b"};
  std::vector<unsigned> flags = {0, 0}, ids = {0, 1};
  PatternCacheKey base = MakePatternCacheKey(exprs, flags, ids, HS_MODE_BLOCK);
  EXPECT_EQ(MakePatternCacheKey(exprs, flags, ids, HS_MODE_BLOCK), base);
  EXPECT_NE(MakePatternCacheKey({"a", "c"}, flags, ids, HS_MODE_BLOCK), base);
  EXPECT_NE(MakePatternCacheKey({"ab", ""}, flags, ids, HS_MODE_BLOCK), base);  // boundaries count
  EXPECT_NE(MakePatternCacheKey(exprs, {0, HS_FLAG_CASELESS}, ids, HS_MODE_BLOCK), base);
  EXPECT_NE(MakePatternCacheKey(exprs, flags, {1, 0}, HS_MODE_BLOCK), base);
  EXPECT_NE(MakePatternCacheKey(exprs, flags, ids, HS_MODE_STREAM), base);
  EXPECT_EQ(PatternCacheFileName(base).size(), 32u + 5u);
}

TEST(PatternCache, UnwritableCacheDirStillCompiles) {
  TempDir tmp;
  // A regular file where the folder should be: nothing can be created below it.
  fs::path blocker = tmp.Write("blocker", "x");
  CacheDirEnv env(blocker.string());
  EXPECT_EQ(Matches(kSpecs, kText).size(), 3u);
  EXPECT_EQ(Matches(kSpecs, kText).size(), 3u);
  EXPECT_TRUE(fs::is_regular_file(blocker));
}

TEST(PatternCache, EmptyVariableTurnsTheCacheOff) {
  CacheDirEnv env("");
  EXPECT_FALSE(PatternCacheDir().has_value());
  EXPECT_EQ(Matches(kSpecs, kText).size(), 3u);
}

TEST(PatternCache, DefaultsToTheUserCacheDir) {
  TempDir tmp;
  std::optional<std::string> old;
  if (const char* v = std::getenv("AISEC_CACHE_DIR")) old = v;
  ::unsetenv("AISEC_CACHE_DIR");
  const char* xdg_old = std::getenv("XDG_CACHE_HOME");
  std::optional<std::string> xdg_saved = xdg_old ? std::optional<std::string>(xdg_old) : std::nullopt;
  ::setenv("XDG_CACHE_HOME", tmp.path().c_str(), 1);
  auto dir = PatternCacheDir();
  if (xdg_saved) ::setenv("XDG_CACHE_HOME", xdg_saved->c_str(), 1);
  else ::unsetenv("XDG_CACHE_HOME");
  if (old) ::setenv("AISEC_CACHE_DIR", old->c_str(), 1);
  ASSERT_TRUE(dir.has_value());
  EXPECT_EQ(*dir, tmp.path() / "aisec" / "patterns");
}

TEST(PatternCache, ConcurrentColdCompilesAgree) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] { results[t] = Matches(kSpecs, kText); });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, results[0]);
  EXPECT_EQ(results[0].size(), 3u);
  EXPECT_EQ(Entries(tmp.path()).size(), 1u);  // one entry, no temporary files left
}

// A file in `dir` last written `age` before `now`.
fs::path Aged(const fs::path& dir, const std::string& name, size_t size, fs::file_time_type now,
              std::chrono::hours age) {
  fs::create_directories(dir);
  fs::path p = dir / name;
  testing::WriteFile(p, std::string(size, 'x'));
  fs::last_write_time(p, now - age);
  return p;
}

TEST(PatternCache, PruningDeletesEntriesUnusedForAMonthAndAbandonedTemporaries) {
  TempDir tmp;
  fs::path dir = tmp.path() / "patterns";
  auto now = fs::file_time_type::clock::now();
  using std::chrono::hours;
  fs::path keep = Aged(dir, "00.hsdb", 100, now, hours(24 * 400));  // the one just written
  fs::path old = Aged(dir, "01.hsdb", 100, now, hours(24 * 31));
  fs::path recent = Aged(dir, "02.hsdb", 100, now, hours(24 * 29));
  fs::path dead_tmp = Aged(dir, "03.hsdb.tmp.123.0", 100, now, hours(25));
  fs::path live_tmp = Aged(dir, "04.hsdb.tmp.124.0", 100, now, hours(1));
  fs::path other = Aged(dir, "notes.txt", 100, now, hours(24 * 400));  // not ours
  EXPECT_EQ(PrunePatternCache(dir, "00.hsdb", now), 2u);
  EXPECT_TRUE(fs::exists(keep));
  EXPECT_FALSE(fs::exists(old));
  EXPECT_TRUE(fs::exists(recent));
  EXPECT_FALSE(fs::exists(dead_tmp));
  EXPECT_TRUE(fs::exists(live_tmp));
  EXPECT_TRUE(fs::exists(other));
}

TEST(PatternCache, PruningKeepsTheFolderUnderItsSizeLimitLeastRecentlyUsedFirst) {
  TempDir tmp;
  fs::path dir = tmp.path() / "patterns";
  auto now = fs::file_time_type::clock::now();
  using std::chrono::hours;
  const size_t quarter = 100;
  Aged(dir, "00.hsdb", quarter, now, hours(0));
  std::vector<fs::path> by_age;
  for (int i = 1; i <= 5; ++i) {
    by_age.push_back(Aged(dir, "0" + std::to_string(i) + ".hsdb", quarter, now, hours(i)));
  }
  EXPECT_EQ(PrunePatternCache(dir, "00.hsdb", now, 4 * quarter), 2u);
  EXPECT_TRUE(fs::exists(dir / "00.hsdb"));
  EXPECT_TRUE(fs::exists(by_age[0]));
  EXPECT_TRUE(fs::exists(by_age[1]));
  EXPECT_TRUE(fs::exists(by_age[2]));  // four quarters: exactly at the limit
  EXPECT_FALSE(fs::exists(by_age[3]));
  EXPECT_FALSE(fs::exists(by_age[4]));
}

TEST(PatternCache, WritingAnEntryPrunesStaleOnes) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  fs::path stale = Aged(tmp.path() / "patterns", "ffffffffffffffffffffffffffffffff.hsdb", 10,
                        fs::file_time_type::clock::now(), std::chrono::hours(24 * 60));
  auto before = PatternCacheCountersNow();
  EXPECT_EQ(Matches(kSpecs, kText).size(), 3u);
  auto after = PatternCacheCountersNow();
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_EQ(Entries(tmp.path()).size(), 1u);
  EXPECT_EQ(after.compiled - before.compiled, 1u);
  EXPECT_EQ(after.stored - before.stored, 1u);
  EXPECT_EQ(after.pruned - before.pruned, 1u);
  EXPECT_EQ(Matches(kSpecs, kText).size(), 3u);
  EXPECT_EQ(PatternCacheCountersNow().loaded - after.loaded, 1u);
}

TEST(PatternCache, LoadingAnOldEntryMarksItUsed) {
  TempDir tmp;
  CacheDirEnv env(tmp.path().string());
  Matches(kSpecs, kText);
  auto entries = Entries(tmp.path());
  ASSERT_EQ(entries.size(), 1u);
  auto month_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 29);
  fs::last_write_time(entries[0], month_ago);
  Matches(kSpecs, kText);
  EXPECT_GT(fs::last_write_time(entries[0]), month_ago + std::chrono::hours(24));
}

}  // namespace
}  // namespace aisec
