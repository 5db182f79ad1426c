#include "assess/osv/importer.h"

#include <xxhash.h>
#include <zip.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace aisec::assess::osv {
namespace {

namespace fs = std::filesystem;

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool IsOsvFile(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml";
}

std::string ContentHash(const nlohmann::json& record) {
  std::string canonical = record.dump();  // object keys are sorted, so equal content hashes equal
  XXH128_hash_t h = XXH3_128bits(canonical.data(), canonical.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

class Importer {
 public:
  explicit Importer(AdvisoryDb& db) : db_(db) {}

  // One source (a path as given); a hard failure is returned, content problems are recorded.
  Status Source(const fs::path& path) {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    auto id = db_.TouchSource(abs.lexically_normal().string(), now_);
    if (!id.ok()) return id.status();
    source_ = *id;
    if (fs::is_directory(path, ec)) return Folder(path);
    if (!fs::is_regular_file(path, ec)) return Status::NotFound(path.string() + ": no such file");
    if (path.extension() == ".zip") return Archive(path);
    return File(path);
  }

  Status Text(std::string_view text, const std::string& label) {
    auto id = db_.TouchSource(label, now_);
    if (!id.ok()) return id.status();
    source_ = *id;
    return Records(text, label);
  }

  ImportResult& result() { return result_; }

 private:
  Status Folder(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && (IsOsvFile(it->path()) || it->path().extension() == ".zip")) {
        files.push_back(it->path());
      }
    }
    if (ec) return Status::Io(dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Status s = f.extension() == ".zip" ? Archive(f) : File(f);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status File(const fs::path& path) {
    std::error_code ec;
    uint64_t size = fs::file_size(path, ec);
    if (ec) return Status::Io(path.string() + ": " + ec.message());
    if (size > kMaxOsvFileBytes) {
      Problem(path.string(), "larger than the limit of " + std::to_string(kMaxOsvFileBytes) + " bytes");
      return Status::Ok();
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(size, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
      return Status::Io(path.string() + ": cannot read");
    }
    return Records(text, path.string());
  }

  Status Archive(const fs::path& path) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      Status s = Status::Io(path.string() + ": not a readable zip archive (" +
                            zip_error_strerror(&ze) + ")");
      zip_error_fini(&ze);
      return s;
    }
    Status s = Members(z, path.string());
    zip_discard(z);
    return s;
  }

  Status Members(zip_t* z, const std::string& archive) {
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0) {
        return Status::Io(archive + ": " + zip_strerror(z));
      }
      std::string label = archive + "!" + st.name;
      if (!IsOsvFile(st.name)) continue;
      if (st.size > kMaxArchiveMemberBytes) {
        Problem(label, "member larger than the limit");
        continue;
      }
      zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
      if (!f) return Status::Io(label + ": " + zip_strerror(z));
      std::string text(st.size, '\0');
      zip_int64_t got = zip_fread(f, text.data(), st.size);
      std::string ferr = got < 0 ? zip_file_strerror(f) : "";
      zip_fclose(f);
      // A short read or a CRC error means the archive is damaged: stop rather than import half.
      if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
        return Status::Io(label + ": damaged archive member " + ferr);
      }
      if (Status s = Records(text, label); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Records(std::string_view text, const std::string& label) {
    ++result_.files;
    auto docs = ParseOsvDocument(text, label);
    if (!docs.ok()) {
      ++result_.counts.invalid;
      Problem(label, docs.error().message);
      return Status::Ok();
    }
    for (const auto& record : *docs) {
      auto adv = ParseAdvisory(record);
      if (!adv.ok()) {
        ++result_.counts.invalid;
        Problem(label, adv.error().message);
        continue;
      }
      if (Status s = db_.Put(*adv, ContentHash(record), source_, result_.counts); !s.ok()) return s;
    }
    return Status::Ok();
  }

  void Problem(const std::string& path, const std::string& message) {
    if (result_.problems.size() < kMaxProblems) result_.problems.push_back({path, message});
    ++result_.problem_count;
  }

  AdvisoryDb& db_;
  std::string now_ = NowUtc();
  int64_t source_ = 0;
  ImportResult result_;
};

template <typename F>
Result<ImportResult> InTransaction(AdvisoryDb& db, F body) {
  if (Status s = db.Begin(); !s.ok()) return s;
  Importer imp(db);
  if (Status s = body(imp); !s.ok()) {
    db.Rollback();
    return s;
  }
  if (Status s = db.Commit(); !s.ok()) {
    db.Rollback();
    return s;
  }
  return std::move(imp.result());
}

}  // namespace

Result<ImportResult> ImportPaths(AdvisoryDb& db, const std::vector<std::string>& paths) {
  return InTransaction(db, [&](Importer& imp) {
    for (const auto& p : paths) {
      if (Status s = imp.Source(p); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

Result<ImportResult> ImportText(AdvisoryDb& db, std::string_view text, const std::string& source) {
  return InTransaction(db, [&](Importer& imp) { return imp.Text(text, source); });
}

}  // namespace aisec::assess::osv
