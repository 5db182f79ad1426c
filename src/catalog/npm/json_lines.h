#pragma once
// Where the members of a JSON document sit, found in one linear pass over the text. nlohmann-json
// keeps no positions, and users jump to the line we report; looking each key up in the text would
// be quadratic on lock files with tens of thousands of entries.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

namespace aisec::catalog::npm {

class JsonLines {
 public:
  struct Place {
    uint32_t line = 0;      // 1-based line of the member's key
    size_t line_start = 0;  // byte offset where that line starts
  };

  // Records members up to `max_depth` levels deep (1 = members of the top-level object); below
  // `scalar_depth` levels only members whose value is an object are recorded, which keeps the
  // index small for lock files. Keys are kept as written between the quotes (escapes are not
  // decoded). REQUIRES: `text` is valid JSON (parse it first) and outlives this object.
  JsonLines(std::string_view text, int max_depth, int scalar_depth);
  JsonLines(const JsonLines&) = delete;  // holds a view of the text and a large index
  JsonLines& operator=(const JsonLines&) = delete;

  // The member at the path of keys from the top, or nullptr when not recorded.
  const Place* Find(std::initializer_list<std::string_view> path) const;
  // The same with the path already joined by Join().
  const Place* FindJoined(const std::string& joined) const;
  // Line of the member, else of `fallback`'s, else 1.
  uint32_t Line(std::initializer_list<std::string_view> path, uint32_t fallback = 1) const;
  // The text of the place's line.
  std::string_view LineText(const Place& place) const;
  // The line as aisec::Snippet makes it, with a shortcut for the usual short plain line (the
  // text has parsed as JSON, so it is valid UTF-8 without control characters).
  std::string EvidenceSnippet(const Place& place) const;

  // Appends `key` to a joined path.
  static void Join(std::string& joined, std::string_view key);

 private:
  void Scan(int max_depth, int scalar_depth);

  std::string_view text_;
  std::unordered_map<std::string, Place> places_;
};

}  // namespace aisec::catalog::npm
