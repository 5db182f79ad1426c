#pragma once
// A set of built-in regular expressions matched in one pass. vectorscan (Hyperscan API) finds
// where each pattern matches in linear time over the whole text; RE2 then recovers the exact
// span and capture groups in a bounded window before each hit. Patterns must be written in the
// syntax both engines accept (no backreferences, no lookaround) and a match may not be longer
// than kMaxMatch bytes. Patterns with a `verify` expression are matched by line instead.
//
// Compiled once, immutable and shared read-only by all threads; each thread gets its own scratch.
// The vectorscan databases are cached on disk between runs (core/pattern_cache.h).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace aisec {

struct PatternSpec {
  std::string regex;   // for vectorscan; keep it cheap (literals compile fastest)
  bool caseless = false;
  // Optional RE2 pattern checked on the line of each hit (the whole line, '\n' excluded). When
  // set, it decides the match: its span and groups are reported. This lets a literal anchor
  // ("import openai", "T3BlbkFJ") stand in for an expensive expression at compile time.
  std::string verify;
};

struct PatternMatch {
  uint32_t id;                        // index in the specs given to Compile
  size_t start;                       // byte offsets into the scanned text
  size_t end;
  std::vector<std::string_view> groups;  // capture groups (1..n); empty view when unmatched
};

class PatternSet {
 public:
  static inline constexpr size_t kMaxMatch = 512;

  // Fails with the offending pattern's index and the engines' message.
  static Result<std::shared_ptr<const PatternSet>> Compile(const std::vector<PatternSpec>& specs);
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;  // owns compiled databases
  PatternSet& operator=(const PatternSet&) = delete;

  // Calls on_match for every match, in order of end offset. Overlapping matches of different
  // patterns are all reported; one pattern reports each end offset once.
  void Scan(std::string_view text, const std::function<void(const PatternMatch&)>& on_match) const;
  size_t size() const;

 private:
  PatternSet();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aisec
