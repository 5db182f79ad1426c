#pragma once
// An on-disk cache of compiled vectorscan databases, so that start-up does not pay for
// hs_compile_multi on every run. Entries are keyed by everything that decides the compiled
// bytes: the expressions, their flags and ids, the mode, the vectorscan version and the host
// platform. A file is trusted only after its header (magic, key, size) and a checksum of its
// payload match; hs_deserialize_database then checks its own format. Entries are written to a
// temporary file and renamed into place, so concurrent processes never see a partial entry.
//
// Entries not used for kPatternCacheMaxAgeDays are deleted whenever a new entry is written (a
// used entry's time stamp is refreshed at most once a day), and so are the oldest ones while the
// folder holds more than kPatternCacheMaxBytes: old data versions do not pile up.
//
// Location: $AISEC_CACHE_DIR/patterns when AISEC_CACHE_DIR is set (set and empty: no cache),
// else UserCacheDir()/patterns. All functions are thread-safe; none of them reports an error:
// a cache that cannot be read or written is simply not used.
#include <hs/hs.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace aisec {

using PatternCacheKey = std::array<uint8_t, 16>;

constexpr int kPatternCacheMaxAgeDays = 30;
constexpr uint64_t kPatternCacheMaxBytes = uint64_t{64} << 20;

// What this process did with pattern sets so far.
struct PatternCacheCounters {
  uint64_t loaded = 0;    // taken from the cache
  uint64_t compiled = 0;  // compiled (cache off, missing, stale or unreadable entry)
  uint64_t stored = 0;    // new entries written
  uint64_t pruned = 0;    // old entries deleted
};
PatternCacheCounters PatternCacheCountersNow();
// Called by the pattern-set compiler for each set it made.
void CountPatternSet(bool from_cache);

// The folder entries live in, or nullopt when caching is off. Read from the environment on
// each call.
std::optional<std::filesystem::path> PatternCacheDir();

// The key of one hs_compile_multi call in `mode` for the host platform.
PatternCacheKey MakePatternCacheKey(const std::vector<const char*>& exprs,
                                    const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                                    unsigned mode);

// The entry's file name inside the cache folder.
std::string PatternCacheFileName(const PatternCacheKey& key);

// The cached database for `key`, or nullptr when there is none or it does not verify. The
// caller owns the result (hs_free_database).
hs_database_t* LoadCachedDatabase(const std::filesystem::path& dir, const PatternCacheKey& key);

// Writes `db` as the entry for `key`, replacing any previous one atomically, then prunes the
// folder (see above). Best effort.
void StoreCachedDatabase(const std::filesystem::path& dir, const PatternCacheKey& key,
                         const hs_database_t* db);

// Deletes entries last used before `now` - kPatternCacheMaxAgeDays, abandoned temporary files,
// and the least recently used entries beyond `max_bytes`; never `keep`. Returns how many files
// it deleted.
uint64_t PrunePatternCache(const std::filesystem::path& dir, const std::string& keep,
                           std::filesystem::file_time_type now,
                           uint64_t max_bytes = kPatternCacheMaxBytes);

}  // namespace aisec
