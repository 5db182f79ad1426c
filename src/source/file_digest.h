#pragma once
// Streamed digests of scanned files: the file is read through the FileReader in fixed chunks, so
// memory stays bounded and the bytes are counted like every other read.
#include <cstdint>
#include <string>

#include "core/result.h"
#include "source/file_reader.h"
#include "source/source_file.h"

namespace aisec::source {

inline constexpr uint64_t kDigestChunk = 16ull << 20;

// Lower-case hex SHA-256 of the whole file.
Result<std::string> Sha256File(FileReader& reader, const SourceFile& file);

}  // namespace aisec::source
