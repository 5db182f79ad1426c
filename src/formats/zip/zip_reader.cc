#include "formats/zip/zip_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>

#include "core/strings.h"

namespace aisec::formats::zip {
namespace {

constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kEnd64Sig = 0x06064b50;
constexpr uint32_t kLocator64Sig = 0x07064b50;
constexpr size_t kEndSize = 22;
constexpr size_t kCentralSize = 46;
constexpr size_t kLocalSize = 30;
constexpr uint64_t kMaxDirectory = 256ull << 20;

uint16_t U16(const char* p) { return static_cast<uint16_t>(static_cast<uint8_t>(p[0]) | static_cast<uint8_t>(p[1]) << 8); }
uint32_t U32(const char* p) { return U16(p) | static_cast<uint32_t>(U16(p + 2)) << 16; }
uint64_t U64(const char* p) { return U32(p) | static_cast<uint64_t>(U32(p + 4)) << 32; }

// The ZIP64 extended information extra field (0x0001) holds, in order, the fields whose 32-bit
// value is saturated.
void ApplyZip64Extra(std::string_view extra, bool usize, bool csize, bool offset, Entry& e) {
  for (size_t i = 0; i + 4 <= extra.size();) {
    uint16_t id = U16(extra.data() + i), len = U16(extra.data() + i + 2);
    std::string_view body = extra.substr(i + 4, std::min<size_t>(len, extra.size() - i - 4));
    if (id == 0x0001) {
      size_t at = 0;
      auto take = [&](uint64_t& field) {
        if (at + 8 <= body.size()) field = U64(body.data() + at);
        at += 8;
      };
      if (usize) take(e.uncompressed_size);
      if (csize) take(e.compressed_size);
      if (offset) take(e.local_offset);
      return;
    }
    i += 4 + len;
  }
}

// Why a member name would escape an extraction folder, or "".
std::string TraversalReason(std::string_view name) {
  if (name.find('\0') != std::string_view::npos) return "contains a NUL byte";
  if (name.starts_with('/')) return "is an absolute path";
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0]))) {
    return "starts with a drive letter";
  }
  if (name.find('\\') != std::string_view::npos) return "contains backslashes";
  for (std::string_view part : Split(name, '/')) {
    if (part == "..") return "contains a '..' component";
  }
  return "";
}

}  // namespace

bool LooksLikeZip(std::string_view head) {
  return head.size() >= 4 && (U32(head.data()) == kLocalSig || U32(head.data()) == kEndSig);
}

std::optional<std::string_view> FirstEntryName(std::string_view head) {
  if (head.size() < kLocalSize || U32(head.data()) != kLocalSig) return std::nullopt;
  size_t len = U16(head.data() + 26);
  if (kLocalSize + len > head.size()) return std::nullopt;
  return head.substr(kLocalSize, len);
}

Result<Archive> Archive::Open(source::RandomAccess& source, const Limits& limits) {
  Archive a(source, limits);
  Status st = a.ReadDirectory();
  if (!st.ok()) return st.error();
  for (auto& e : a.entries_) a.ReadLocalHeader(e);
  a.CheckEntries();
  return a;
}

Result<Archive::Directory> Archive::FindDirectory() {
  uint64_t size = source_->size();
  if (size < kEndSize) return Status::Parse("too small to be a zip archive");
  uint64_t tail_start = size - std::min<uint64_t>(size, kEndSize + 0xffff);
  auto tail = source_->ReadString(tail_start, static_cast<size_t>(size - tail_start));
  if (!tail.ok()) return tail.status();
  // The end record is the last signature whose comment length reaches exactly the end of file.
  size_t found = std::string::npos, exact = std::string::npos;
  for (size_t i = tail->size() - kEndSize + 1; i-- > 0;) {
    if (U32(tail->data() + i) != kEndSig) continue;
    if (found == std::string::npos) found = i;
    if (i + kEndSize + U16(tail->data() + i + 20) == tail->size()) {
      exact = i;
      break;
    }
  }
  if (found == std::string::npos) return Status::Parse("no end of central directory record");
  if (exact == std::string::npos) {
    exact = found;
    AddIssue(IssueKind::kMalformed, "", "the end of central directory comment length does not match the file end");
  }
  const char* end = tail->data() + exact;
  uint64_t end_pos = tail_start + exact;
  Directory d{U16(end + 10), U32(end + 12), U32(end + 16), end_pos};
  if (U16(end + 4) != 0 || U16(end + 6) != 0 || U16(end + 8) != U16(end + 10)) {
    AddIssue(IssueKind::kMalformed, "", "multi-disk archive or inconsistent entry counts", end_pos);
  }
  if (end_pos >= 20) ReadZip64End(end_pos, d);
  return d;
}

void Archive::ReadZip64End(uint64_t end_pos, Directory& d) {
  auto loc = source_->ReadString(end_pos - 20, 20);
  if (!loc.ok() || loc->size() != 20 || U32(loc->data()) != kLocator64Sig) return;
  uint64_t rec_pos = U64(loc->data() + 8);
  auto rec = source_->ReadString(rec_pos, 56);
  if (!rec.ok() || rec->size() < 56 || U32(rec->data()) != kEnd64Sig) {
    AddIssue(IssueKind::kMalformed, "", "ZIP64 locator points at no ZIP64 end record", end_pos - 20);
    return;
  }
  d.count = U64(rec->data() + 32);
  d.size = U64(rec->data() + 40);
  d.offset = U64(rec->data() + 48);
  d.end = rec_pos;
}

Status Archive::ReadDirectory() {
  auto found = FindDirectory();
  if (!found.ok()) return found.status();
  Directory d = *found;
  // Data prepended to the archive shifts every offset; loaders compensate, and so do we.
  int64_t shift = 0;
  // Both offsets within int64 range, so that their difference cannot overflow.
  constexpr uint64_t kMaxOffset = static_cast<uint64_t>(INT64_MAX);
  if (d.size <= d.end && d.offset <= kMaxOffset && d.offset + d.size != d.end) {
    uint64_t actual = d.end - d.size;
    auto sig = source_->ReadString(actual, 4);
    if (sig.ok() && sig->size() == 4 && U32(sig->data()) == kCentralSig) {
      shift = static_cast<int64_t>(actual) - static_cast<int64_t>(d.offset);
      AddIssue(IssueKind::kMalformed, "", "central directory offset is off by " + std::to_string(shift) + " bytes (data prepended or archive edited)", actual);
      d.offset = actual;
    }
  }
  if (d.offset > d.end || d.size > d.end - d.offset || d.size > kMaxDirectory) {
    AddIssue(IssueKind::kMalformed, "", "central directory lies outside the file", d.offset);
    return Status::Ok();
  }
  auto dir = source_->ReadString(d.offset, static_cast<size_t>(d.size));
  if (!dir.ok()) return dir.status();
  size_t pos = ReadCentral(*dir, shift);
  if (entries_.size() != d.count || pos != dir->size()) {
    AddIssue(IssueKind::kMalformed, "", "central directory holds " + std::to_string(entries_.size()) +
                 " readable entries where the end record announces " + std::to_string(d.count), d.offset + pos);
  }
  return Status::Ok();
}

size_t Archive::ReadCentral(std::string_view dir, int64_t shift) {
  size_t pos = 0;
  while (pos + kCentralSize <= dir.size() && U32(dir.data() + pos) == kCentralSig) {
    if (entries_.size() >= limits_.max_entries) {
      AddIssue(IssueKind::kBomb, "", "more than " + std::to_string(limits_.max_entries) + " members; the rest were not inspected");
      break;
    }
    const char* h = dir.data() + pos;
    size_t name_len = U16(h + 28), extra_len = U16(h + 30), comment_len = U16(h + 32);
    if (pos + kCentralSize + name_len + extra_len + comment_len > dir.size()) break;
    Entry e;
    e.flags = U16(h + 8);
    e.method = U16(h + 10);
    e.crc = U32(h + 16);
    e.compressed_size = U32(h + 20);
    e.uncompressed_size = U32(h + 24);
    e.local_offset = U32(h + 42);
    e.name.assign(h + kCentralSize, name_len);
    ApplyZip64Extra(std::string_view(h + kCentralSize + name_len, extra_len),
                    e.uncompressed_size == 0xffffffff, e.compressed_size == 0xffffffff,
                    e.local_offset == 0xffffffff, e);
    // Unsigned (wrapping) arithmetic: a hostile ZIP64 offset plus the shift must not overflow a
    // signed type; an offset that ends up outside the file fails the local-header read.
    e.local_offset += static_cast<uint64_t>(shift);
    entries_.push_back(std::move(e));
    pos += kCentralSize + name_len + extra_len + comment_len;
  }
  return pos;
}

void Archive::ReadLocalHeader(Entry& e) {
  auto h = source_->ReadString(e.local_offset, kLocalSize);
  if (!h.ok() || h->size() < kLocalSize || U32(h->data()) != kLocalSig) {
    AddIssue(IssueKind::kMalformed, e.name, "no local header where the central directory points", e.local_offset);
    return;
  }
  size_t name_len = U16(h->data() + 26), extra_len = U16(h->data() + 28);
  auto name = source_->ReadString(e.local_offset + kLocalSize, name_len);
  if (name.ok()) e.local_name = *name;
  e.data_offset = e.local_offset + kLocalSize + name_len + extra_len;
  uint16_t flags = U16(h->data() + 6), method = U16(h->data() + 8);
  if (e.local_name != e.name) {
    AddIssue(IssueKind::kNameMismatch, e.name, "local header names it '" + SanitizeUtf8(e.local_name) + "'", e.local_offset);
  }
  if (method != e.method || (flags & 1) != (e.flags & 1)) {
    AddIssue(IssueKind::kMalformed, e.name, "local header disagrees on compression method or encryption", e.local_offset);
  }
  uint32_t lcsize = U32(h->data() + 18), lusize = U32(h->data() + 22);
  bool saturated = lcsize == 0xffffffff || lusize == 0xffffffff;
  if (!(flags & 8) && !saturated &&
      (U32(h->data() + 14) != e.crc || lcsize != e.compressed_size || lusize != e.uncompressed_size)) {
    AddIssue(IssueKind::kMalformed, e.name, "local header disagrees on CRC or sizes", e.local_offset);
  }
  if (e.data_offset > source_->size() || e.compressed_size > source_->size() - e.data_offset) {
    AddIssue(IssueKind::kMalformed, e.name, "member data runs past the end of the file", e.data_offset);
    return;
  }
  e.readable = true;
}

void Archive::CheckEntries() {
  std::map<std::string, int> names;
  std::vector<const Entry*> by_offset;
  for (const auto& e : entries_) {
    if (++names[e.name] == 2) AddIssue(IssueKind::kMalformed, e.name, "several members have this name");
    for (const std::string* n : {&e.name, &e.local_name}) {
      if (std::string why = TraversalReason(*n); !why.empty()) {
        AddIssue(IssueKind::kTraversal, e.name, "member name " + why, e.local_offset);
        break;
      }
    }
    if (e.encrypted()) AddIssue(IssueKind::kEncrypted, e.name, "member is encrypted", e.local_offset);
    else if (e.method != 0 && e.method != 8 && e.method != 12) {
      AddIssue(IssueKind::kEncrypted, e.name, "unsupported compression method " + std::to_string(e.method), e.local_offset);
    }
    if (e.uncompressed_size > limits_.max_member_output ||
        (e.uncompressed_size > (64ull << 20) &&
         e.uncompressed_size / std::max<uint64_t>(e.compressed_size, 1) > limits_.max_ratio)) {
      AddIssue(IssueKind::kBomb, e.name, "declares " + std::to_string(e.uncompressed_size) + " bytes from " +
                   std::to_string(e.compressed_size) + " compressed", e.local_offset);
    }
    if (e.readable) by_offset.push_back(&e);
  }
  std::sort(by_offset.begin(), by_offset.end(),
            [](const Entry* a, const Entry* b) { return a->local_offset < b->local_offset; });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    const Entry* prev = by_offset[i - 1];
    if (prev->data_offset + prev->compressed_size > by_offset[i]->local_offset) {
      AddIssue(IssueKind::kBomb, by_offset[i]->name, "overlaps member '" + SanitizeUtf8(prev->name) + "' (overlapping-member bomb or hidden data)", by_offset[i]->local_offset);
    }
  }
}

}  // namespace aisec::formats::zip
