#include "assess/model/archive_scan.h"

#include <algorithm>

#include "assess/model/findings.h"
#include "assess/model/pickle_report.h"
#include "formats/pickle/sniff.h"

namespace aisec::assess::model {
namespace {

using formats::zip::Archive;
using formats::zip::Entry;
using formats::zip::IssueKind;

// A nested archive that is compressed is inflated into memory, up to this size.
constexpr uint64_t kMaxNestedInMemory = 64ull << 20;
constexpr size_t kHead = 4096;

const char* RuleFor(IssueKind kind) {
  switch (kind) {
    case IssueKind::kMalformed: return "AISEC-MODEL-ARCHIVE-MALFORMED";
    case IssueKind::kNameMismatch: return "AISEC-MODEL-ARCHIVE-NAME-MISMATCH";
    case IssueKind::kEncrypted: return "AISEC-MODEL-ARCHIVE-ENCRYPTED";
    case IssueKind::kTraversal: return "AISEC-MODEL-ARCHIVE-TRAVERSAL";
    case IssueKind::kBomb: return "AISEC-MODEL-ARCHIVE-BOMB";
    case IssueKind::kBadCrc: return "AISEC-MODEL-ARCHIVE-CRC";
  }
  return "AISEC-MODEL-ARCHIVE-MALFORMED";
}

std::string Join(const std::string& prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : prefix + "!" + std::string(name);
}

void ScanNested(Archive& archive, const Entry& e, source::InputStream& stream,
                const std::string& member, int depth, ModelReport& report,
                const MemberHandler& on_other, ArchiveStats& stats) {
  if (depth + 1 > kMaxArchiveDepth) {
    AddFinding(report, "AISEC-MODEL-ARCHIVE-NESTING",
               {.detail = member, .snippet = "archive nested deeper than " + std::to_string(kMaxArchiveDepth) + " levels"});
    return;
  }
  ++stats.nested;
  if (e.method == 0) {
    // Stored: read the inner archive in place.
    source::SliceSource slice(archive.source(), e.data_offset, e.compressed_size);
    ScanArchive(slice, member, depth + 1, report, on_other, stats);
    return;
  }
  if (e.uncompressed_size > kMaxNestedInMemory) {
    AddFinding(report, "AISEC-MODEL-ARCHIVE-NESTING",
               {.detail = member, .snippet = "compressed nested archive too large to inspect"});
    return;
  }
  std::string bytes(static_cast<size_t>(e.uncompressed_size), '\0');
  bytes.resize(stream.Read(bytes.data(), bytes.size()));
  source::MemorySource inner(std::move(bytes));
  ScanArchive(inner, member, depth + 1, report, on_other, stats);
}

}  // namespace

void ReportArchiveIssues(const Archive& archive, const std::string& prefix, ModelReport& report) {
  for (const auto& issue : archive.issues()) {
    std::string member = issue.entry.empty() ? prefix : Join(prefix, issue.entry);
    AddFinding(report, RuleFor(issue.kind),
               {.detail = issue.message,
                .offset = issue.offset,
                .member = member,
                .snippet = issue.message});
  }
}

void ScanArchive(source::RandomAccess& source, const std::string& prefix, int depth,
                 ModelReport& report, const MemberHandler& on_other, ArchiveStats& stats) {
  auto opened = Archive::Open(source);
  if (!opened.ok()) {
    AddFinding(report, "AISEC-MODEL-ARCHIVE-MALFORMED",
               {.detail = opened.error().message, .member = prefix, .snippet = opened.error().message});
    return;
  }
  Archive& archive = *opened;
  for (const Entry& e : archive.entries()) {
    ++stats.members;
    std::string member = Join(prefix, e.name);
    if (e.name.find("/code/") != std::string::npos || e.name.starts_with("code/")) ++stats.code_files;
    auto stream = archive.OpenEntry(e);
    if (!stream.ok()) continue;  // the reason is already an archive issue
    source::InputStream& in = **stream;
    in.Ensure(std::min<size_t>(kHead, in.capacity()));
    std::string head(in.data(), std::min<size_t>(in.available(), kHead));
    if (formats::pickle::LooksLikePickle(head)) {
      ++stats.pickles;
      ScanPickle(in, PickleSource{.member = member}, report);
    } else if (formats::zip::LooksLikeZip(head)) {
      ScanNested(archive, e, in, member, depth, report, on_other, stats);
    } else if (on_other) {
      on_other(ArchiveVisit{member, &e, head, &in}, report);
    }
    archive.Verify(e, in);
  }
  ReportArchiveIssues(archive, prefix, report);
}

}  // namespace aisec::assess::model
