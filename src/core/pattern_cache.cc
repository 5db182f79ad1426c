#include "core/pattern_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include "core/cache_dir.h"

namespace aisec {
namespace {

// Entry layout (host byte order; the platform is part of the key):
//   magic[8] key[16] payload_size:u64 payload_xxh3_64:u64 payload[payload_size]
constexpr char kMagic[8] = {'A', 'I', 'S', 'E', 'C', 'H', 'S', '1'};
constexpr size_t kHeaderSize = sizeof(kMagic) + 16 + 8 + 8;
// No built-in pattern set comes near this; a larger file is not ours.
constexpr uint64_t kMaxPayload = uint64_t{256} << 20;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;  // owns a descriptor
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::atomic<uint64_t> g_loaded{0}, g_compiled{0}, g_stored{0}, g_pruned{0};

constexpr auto kTouchInterval = std::chrono::hours(24);
constexpr auto kTempMaxAge = std::chrono::hours(24);

bool ReadAll(int fd, void* buf, size_t size) {
  auto* p = static_cast<char*>(buf);
  while (size > 0) {
    ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool WriteAll(int fd, const void* buf, size_t size) {
  const auto* p = static_cast<const char*>(buf);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

template <typename T>
void HashValue(XXH3_state_t* st, T v) {
  XXH3_128bits_update(st, &v, sizeof(v));
}

void HashString(XXH3_state_t* st, const char* s) {
  uint64_t n = std::strlen(s);
  HashValue(st, n);
  XXH3_128bits_update(st, s, n);
}

}  // namespace

PatternCacheCounters PatternCacheCountersNow() {
  return {g_loaded.load(), g_compiled.load(), g_stored.load(), g_pruned.load()};
}

void CountPatternSet(bool from_cache) { ++(from_cache ? g_loaded : g_compiled); }

std::optional<std::filesystem::path> PatternCacheDir() {
  if (const char* dir = std::getenv("AISEC_CACHE_DIR")) {
    if (*dir == '\0') return std::nullopt;
    return std::filesystem::path(dir) / "patterns";
  }
  std::filesystem::path base = UserCacheDir();
  if (base.empty()) return std::nullopt;
  return base / "patterns";
}

PatternCacheKey MakePatternCacheKey(const std::vector<const char*>& exprs,
                                    const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                                    unsigned mode) {
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> st(XXH3_createState(), XXH3_freeState);
  XXH3_128bits_reset(st.get());
  HashString(st.get(), "aisec pattern cache 1");
  HashString(st.get(), hs_version());
  // Field by field: the struct has padding whose bytes are unspecified.
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) == HS_SUCCESS) {
    HashValue(st.get(), platform.tune);
    HashValue(st.get(), platform.cpu_features);
  }
  HashValue(st.get(), mode);
  HashValue(st.get(), static_cast<uint64_t>(exprs.size()));
  for (size_t i = 0; i < exprs.size(); ++i) {
    HashString(st.get(), exprs[i]);
    HashValue(st.get(), flags[i]);
    HashValue(st.get(), ids[i]);
  }
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(st.get()));
  PatternCacheKey key;
  std::memcpy(key.data(), canonical.digest, key.size());
  return key;
}

std::string PatternCacheFileName(const PatternCacheKey& key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name;
  for (uint8_t b : key) {
    name += kHex[b >> 4];
    name += kHex[b & 15];
  }
  return name + ".hsdb";
}

hs_database_t* LoadCachedDatabase(const std::filesystem::path& dir, const PatternCacheKey& key) {
  Fd fd(::open((dir / PatternCacheFileName(key)).c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st;
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  char header[kHeaderSize];
  if (static_cast<uint64_t>(st.st_size) < kHeaderSize || !ReadAll(fd.get(), header, kHeaderSize)) return nullptr;
  uint64_t size = 0, checksum = 0;
  std::memcpy(&size, header + 24, 8);
  std::memcpy(&checksum, header + 32, 8);
  if (std::memcmp(header, kMagic, sizeof(kMagic)) != 0 || std::memcmp(header + 8, key.data(), 16) != 0 ||
      size == 0 || size > kMaxPayload || static_cast<uint64_t>(st.st_size) != kHeaderSize + size) {
    return nullptr;
  }
  std::string payload(size, '\0');
  if (!ReadAll(fd.get(), payload.data(), size) || XXH3_64bits(payload.data(), size) != checksum) return nullptr;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(payload.data(), size, &db) != HS_SUCCESS) return nullptr;
  // Mark the entry as used, at most once a day, so pruning keeps what is in use.
  if (std::chrono::system_clock::now() - std::chrono::system_clock::from_time_t(st.st_mtime) >
      kTouchInterval) {
    ::futimens(fd.get(), nullptr);
  }
  return db;
}

void StoreCachedDatabase(const std::filesystem::path& dir, const PatternCacheKey& key,
                         const hs_database_t* db) {
  char* bytes = nullptr;
  size_t size = 0;
  if (hs_serialize_database(db, &bytes, &size) != HS_SUCCESS) return;
  std::unique_ptr<char, decltype(&std::free)> owned(bytes, std::free);  // default misc allocator
  if (size == 0 || size > kMaxPayload) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return;
  char header[kHeaderSize];
  uint64_t size64 = size, checksum = XXH3_64bits(bytes, size);
  std::memcpy(header, kMagic, sizeof(kMagic));
  std::memcpy(header + 8, key.data(), 16);
  std::memcpy(header + 24, &size64, 8);
  std::memcpy(header + 32, &checksum, 8);
  // A name no other writer uses: the rename is what publishes the entry.
  static std::atomic<unsigned> counter{0};
  std::string name = PatternCacheFileName(key);
  std::filesystem::path tmp = dir / (name + ".tmp." + std::to_string(::getpid()) + "." +
                                     std::to_string(counter.fetch_add(1)));
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return;
  bool ok = WriteAll(fd.get(), header, kHeaderSize) && WriteAll(fd.get(), bytes, size);
  ok = ::close(fd.release()) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), (dir / name).c_str()) != 0) {
    ::unlink(tmp.c_str());
    return;
  }
  ++g_stored;
  g_pruned += PrunePatternCache(dir, name, std::filesystem::file_time_type::clock::now());
}

uint64_t PrunePatternCache(const std::filesystem::path& dir, const std::string& keep,
                           std::filesystem::file_time_type now, uint64_t max_bytes) {
  namespace fs = std::filesystem;
  struct Entry {
    fs::path path;
    fs::file_time_type used;
    uint64_t size;
  };
  std::vector<Entry> entries;
  uint64_t removed = 0;
  auto remove = [&](const fs::path& p) {
    std::error_code ec;
    if (fs::remove(p, ec)) ++removed;
  };
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (!it->is_regular_file(fec)) continue;
    std::string name = it->path().filename().string();
    fs::file_time_type used = it->last_write_time(fec);
    if (fec) continue;
    if (name.find(".hsdb.tmp.") != std::string::npos) {
      if (now - used > kTempMaxAge) remove(it->path());  // a writer that died
    } else if (name.size() > 5 && name.ends_with(".hsdb") && name != keep) {
      if (now - used > std::chrono::hours(24 * kPatternCacheMaxAgeDays)) remove(it->path());
      else entries.push_back({it->path(), used, it->file_size(fec)});
    }
  }
  // Over the size limit: the least recently used go first.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used > b.used; });
  std::error_code kec;
  uint64_t total = fs::file_size(dir / keep, kec);
  for (const Entry& e : entries) {
    total += e.size;
    if (total > max_bytes) remove(e.path);
  }
  return removed;
}

}  // namespace aisec
