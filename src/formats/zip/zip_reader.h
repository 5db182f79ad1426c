#pragma once
// Our own ZIP reader (APPNOTE 6.3): finds the end of central directory (and its ZIP64 form),
// reads the central directory and every local header, and reports each inconsistency instead of
// trusting one view: names that differ between local and central headers, flags, sizes, CRCs,
// overlapping or out-of-range members, traversal names, decompression bombs. Members are read in
// place as streams (stored or deflate), never extracted to disk.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "source/input_stream.h"

namespace aisec::formats::zip {

struct Limits {
  uint32_t max_entries = 1u << 16;
  uint64_t max_member_output = 16ull << 30;  // bytes a member may decompress to
  uint64_t max_ratio = 1000;                 // decompressed / compressed, past 64 MiB
};

struct Entry {
  std::string name;        // central directory name
  std::string local_name;  // local header name ("" when the local header is unreadable)
  uint16_t flags = 0;
  uint16_t method = 0;     // 0 stored, 8 deflate
  uint32_t crc = 0;
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
  uint64_t local_offset = 0;  // of the local header
  uint64_t data_offset = 0;   // of the member's (compressed) bytes
  bool readable = false;      // the local header is sound and the data lies inside the file
  bool encrypted() const { return flags & 1; }
  bool has_descriptor() const { return flags & 8; }
};

enum class IssueKind : uint8_t {
  kMalformed,       // structure damaged or self-contradictory
  kNameMismatch,    // local and central names differ
  kEncrypted,       // encrypted or unsupported method: not inspectable
  kTraversal,       // name escapes the extraction folder
  kBomb,            // ratio or size beyond the limits
  kBadCrc,          // data does not match its CRC-32
};

struct Issue {
  IssueKind kind = IssueKind::kMalformed;
  std::string entry;  // member name, "" for the archive itself
  std::string message;
  uint64_t offset = 0;
};

// True when `head` starts a zip archive (local header, or an empty archive's end record).
bool LooksLikeZip(std::string_view head);
// The name in the first local header, when `head` holds all of it.
std::optional<std::string_view> FirstEntryName(std::string_view head);

class Archive {
 public:
  // Reads the directory of the zip in `source`, which must outlive the Archive. Fails only
  // when there is no end of central directory at all; every other problem is an Issue.
  static Result<Archive> Open(source::RandomAccess& source, const Limits& limits = {});

  const std::vector<Entry>& entries() const { return entries_; }
  source::RandomAccess& source() const { return *source_; }
  const std::vector<Issue>& issues() const { return issues_; }

  // A stream of the member's uncompressed bytes. When it has been read to the end,
  // Verify() compares the CRC-32 and size and records any discrepancy as an Issue. Fails for
  // unreadable, encrypted or unsupported members (already recorded as issues).
  Result<std::unique_ptr<source::InputStream>> OpenEntry(const Entry& entry,
                                                         size_t buffer_size = 1u << 20) const;
  // Reads what is left of `stream` (from OpenEntry) and records CRC, size, corruption and bomb
  // issues. Returns false when any was found.
  bool Verify(const Entry& entry, source::InputStream& stream);

  void AddIssue(IssueKind kind, std::string entry, std::string message, uint64_t offset = 0) {
    issues_.push_back(Issue{kind, std::move(entry), std::move(message), offset});
  }

 private:
  explicit Archive(source::RandomAccess& source, const Limits& limits)
      : source_(&source), limits_(limits) {}
  // Where the central directory is, from the end records.
  struct Directory {
    uint64_t count;   // entries announced
    uint64_t size;    // bytes of the central directory
    uint64_t offset;  // where it starts
    uint64_t end;     // where it must end (the end record, or the ZIP64 end record)
  };
  Status ReadDirectory();
  Result<Directory> FindDirectory();
  void ReadZip64End(uint64_t end_pos, Directory& d);
  size_t ReadCentral(std::string_view dir, int64_t shift);
  void ReadLocalHeader(Entry& e);
  void CheckEntries();

  source::RandomAccess* source_;
  Limits limits_;
  std::vector<Entry> entries_;
  std::vector<Issue> issues_;
};

}  // namespace aisec::formats::zip
