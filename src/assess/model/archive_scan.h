#pragma once
// Walks the members of a zip-based model file (PyTorch, TorchScript, .npz, .keras) with our own
// ZIP reader: every member whose bytes parse as a pickle is analysed whatever its name, nested
// archives are opened (to a depth limit), CRCs and sizes are verified, and every structural
// issue of the archive becomes a finding.
#include <functional>
#include <string>
#include <string_view>

#include "assess/model/model_check.h"
#include "formats/zip/zip_reader.h"
#include "source/input_stream.h"

namespace aisec::assess::model {

inline constexpr int kMaxArchiveDepth = 4;

struct ArchiveVisit {
  std::string member;        // path of the member, nested archives joined with '!'
  const formats::zip::Entry* entry;
  std::string_view head;     // first bytes of the member (up to 4 KiB)
  source::InputStream* stream;  // positioned at the start of the member
};

struct ArchiveStats {
  uint64_t members = 0;
  uint64_t pickles = 0;
  uint64_t nested = 0;
  uint64_t code_files = 0;  // TorchScript code/ members
};

// Called for members that are neither pickles nor archives; may read the stream.
using MemberHandler = std::function<void(const ArchiveVisit& visit, ModelReport& report)>;

// Scans the archive in `source`. `prefix` names the archive inside its parent ("" at the top).
void ScanArchive(source::RandomAccess& source, const std::string& prefix, int depth,
                 ModelReport& report, const MemberHandler& on_other, ArchiveStats& stats);

// Reports the issues the reader collected (used by ScanArchive).
void ReportArchiveIssues(const formats::zip::Archive& archive, const std::string& prefix,
                         ModelReport& report);

}  // namespace aisec::assess::model
