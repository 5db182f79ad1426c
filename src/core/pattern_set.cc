#include "core/pattern_set.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <set>

#include "core/pattern_cache.h"

namespace aisec {

struct PatternSet::Impl {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::vector<std::unique_ptr<re2::RE2>> exact;  // "(?:re)\\z" per pattern, for span and groups
  std::vector<bool> by_line;                     // exact is a verify pattern run on the hit's line
  std::mutex scratch_mu;
  // Names this set in the per-thread scratch caches. Not its address: a later set may be
  // allocated where a freed one was, and a scratch made for another database fails hs_scan.
  const uint64_t serial = next_serial.fetch_add(1);
  static inline std::atomic<uint64_t> next_serial{0};
  ~Impl() {
    if (prototype) hs_free_scratch(prototype);
    if (db) hs_free_database(db);
  }
};

PatternSet::PatternSet() : impl_(std::make_unique<Impl>()) {}
PatternSet::~PatternSet() = default;
size_t PatternSet::size() const { return impl_->exact.size(); }

Result<std::shared_ptr<const PatternSet>> PatternSet::Compile(const std::vector<PatternSpec>& specs) {
  std::shared_ptr<PatternSet> set(new PatternSet());
  if (specs.empty()) return std::shared_ptr<const PatternSet>(set);
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < specs.size(); ++i) {
    re2::RE2::Options opts;
    opts.set_case_sensitive(!specs[i].caseless);
    opts.set_log_errors(false);
    opts.set_longest_match(true);
    // Anchored at the end of the context (\z), which Scan() cuts at the hit's end offset; or,
    // for verify patterns, searched in the hit's line.
    bool by_line = !specs[i].verify.empty();
    auto re = by_line ? std::make_unique<re2::RE2>(specs[i].verify, opts)
                      : std::make_unique<re2::RE2>("(?m)(?:" + specs[i].regex + ")\\z", opts);
    set->impl_->by_line.push_back(by_line);
    if (!re->ok()) {
      return Status::Invalid("pattern " + std::to_string(i) + " (" + specs[i].regex + "): " + re->error());
    }
    set->impl_->exact.push_back(std::move(re));
    exprs.push_back(specs[i].regex.c_str());
    flags.push_back(HS_FLAG_MULTILINE | (specs[i].caseless ? HS_FLAG_CASELESS : 0));
    ids.push_back(static_cast<unsigned>(i));
  }
  // The RE2 side above is cheap; the vectorscan compile is most of aisec's start-up, so its
  // result is cached on disk (core/pattern_cache.h).
  std::optional<std::filesystem::path> cache_dir = PatternCacheDir();
  PatternCacheKey key{};
  if (cache_dir) {
    key = MakePatternCacheKey(exprs, flags, ids, HS_MODE_BLOCK);
    set->impl_->db = LoadCachedDatabase(*cache_dir, key);
  }
  CountPatternSet(set->impl_->db != nullptr);
  if (set->impl_->db == nullptr) {
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()),
                         HS_MODE_BLOCK, nullptr, &set->impl_->db, &err) != HS_SUCCESS) {
      std::string msg = err && err->message ? err->message : "unknown error";
      int which = err ? err->expression : -1;
      hs_free_compile_error(err);
      return Status::Invalid("pattern " + std::to_string(which) + ": " + msg);
    }
    if (cache_dir) StoreCachedDatabase(*cache_dir, key, set->impl_->db);
  }
  if (hs_alloc_scratch(set->impl_->db, &set->impl_->prototype) != HS_SUCCESS) {
    return Status::Internal("cannot allocate pattern scratch space");
  }
  return std::shared_ptr<const PatternSet>(set);
}

namespace {

struct ScanState {
  std::vector<std::pair<uint32_t, size_t>> hits;  // (id, end)
};

int OnHit(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  static_cast<ScanState*>(ctx)->hits.emplace_back(id, static_cast<size_t>(to));
  return 0;
}

// One scratch per thread and database; vectorscan scratch may not be shared between threads.
class ScratchCache {
 public:
  ~ScratchCache() {
    for (auto& [db, s] : entries_) hs_free_scratch(s);
  }
  hs_scratch_t* Get(uint64_t owner, hs_scratch_t* prototype, std::mutex& mu) {
    for (auto& [o, s] : entries_) {
      if (o == owner) return s;
    }
    hs_scratch_t* s = nullptr;
    {
      std::lock_guard lock(mu);
      if (hs_clone_scratch(prototype, &s) != HS_SUCCESS) return nullptr;
    }
    entries_.emplace_back(owner, s);
    return s;
  }

 private:
  std::vector<std::pair<uint64_t, hs_scratch_t*>> entries_;
};

}  // namespace

void PatternSet::Scan(std::string_view text,
                      const std::function<void(const PatternMatch&)>& on_match) const {
  if (!impl_->db || text.empty()) return;
  thread_local ScratchCache cache;
  hs_scratch_t* scratch = cache.Get(impl_->serial, impl_->prototype, impl_->scratch_mu);
  if (scratch == nullptr) return;
  ScanState state;
  // vectorscan takes a 32-bit length; scan huge texts in overlapping pieces.
  constexpr size_t kPiece = size_t{1} << 30;
  for (size_t base = 0; base < text.size(); base += kPiece) {
    size_t begin = base == 0 ? 0 : base - kMaxMatch;
    size_t len = std::min(text.size() - begin, kPiece + (base == 0 ? 0 : kMaxMatch));
    size_t before = state.hits.size();
    hs_scan(impl_->db, text.data() + begin, static_cast<unsigned>(len), 0, scratch, OnHit, &state);
    for (size_t i = before; i < state.hits.size(); ++i) state.hits[i].second += begin;
    if (begin + len >= text.size()) break;
  }
  // Hits come in end order per pattern; keep a stable global order.
  std::sort(state.hits.begin(), state.hits.end(),
            [](auto& a, auto& b) { return std::tie(a.second, a.first) < std::tie(b.second, b.first); });
  state.hits.erase(std::unique(state.hits.begin(), state.hits.end()), state.hits.end());
  std::vector<PatternMatch> found;
  std::set<std::pair<uint32_t, size_t>> lines_done;  // (pattern, line start): one verdict per line
  for (auto [id, end] : state.hits) {
    PatternMatch m;
    const re2::RE2& re = *impl_->exact[id];
    if (impl_->by_line[id]) {
      size_t pos = end > 0 ? end - 1 : 0;
      size_t ls = text.rfind('\n', pos);
      ls = ls == std::string_view::npos ? 0 : ls + 1;
      if (pos - ls > 4096) ls = pos - 4096;
      if (!lines_done.emplace(id, ls).second) continue;
      size_t le = text.find('\n', pos);
      le = le == std::string_view::npos ? text.size() : std::min(le, pos + 4096);
      re2::StringPiece line(text.data() + ls, le - ls);
      int ngroups = re.NumberOfCapturingGroups();
      std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups) + 1);
      if (!re.Match(line, 0, line.size(), re2::RE2::UNANCHORED, sub.data(), ngroups + 1)) continue;
      m.id = id;
      m.start = static_cast<size_t>(sub[0].data() - text.data());
      m.end = m.start + sub[0].size();
      for (int g = 1; g <= ngroups; ++g) {
        m.groups.emplace_back(sub[g].data() ? std::string_view(sub[g].data(), sub[g].size()) : std::string_view());
      }
      found.push_back(std::move(m));
      continue;
    }
    size_t win_start = end > kMaxMatch ? end - kMaxMatch : 0;
    // The context ends at the hit, so "\z" pins the match's end; the text before the window
    // still serves as context for '^' and '\b'.
    re2::StringPiece context(text.data(), end);
    int ngroups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups) + 1);
    if (!re.Match(context, win_start, end, re2::RE2::UNANCHORED, sub.data(), ngroups + 1)) continue;
    m.id = id;
    m.start = static_cast<size_t>(sub[0].data() - text.data());
    m.end = end;
    m.groups.clear();
    for (int g = 1; g <= ngroups; ++g) {
      m.groups.emplace_back(sub[g].data() ? std::string_view(sub[g].data(), sub[g].size()) : std::string_view());
    }
    found.push_back(std::move(m));
  }
  // Line-verified matches may come out of end order.
  std::stable_sort(found.begin(), found.end(), [](const PatternMatch& a, const PatternMatch& b) { return a.end < b.end; });
  // A pattern that matches "gpt-4o" and "gpt-4o-mini" at one start reports only the longest.
  std::vector<bool> shadowed(found.size(), false);
  for (size_t i = 0; i < found.size(); ++i) {
    for (size_t j = i + 1; j < found.size() && found[j].end - found[i].end <= kMaxMatch; ++j) {
      if (found[j].id == found[i].id && found[j].start <= found[i].start) {
        shadowed[i] = true;
        break;
      }
    }
  }
  for (size_t i = 0; i < found.size(); ++i) {
    if (!shadowed[i]) on_match(found[i]);
  }
}

}  // namespace aisec
