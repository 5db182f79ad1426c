#include "assess/model/scan_model.h"

#include <exception>
#include <future>
#include <map>
#include <set>

#include "assess/model/findings.h"

namespace aisec::assess::model {
namespace {

// Hashing a large file runs beside the check, so that the two reads overlap.
constexpr uint64_t kConcurrentDigestBytes = 64ull << 20;

void Warn(ModelReport& report, std::string message) {
  report.warnings.push_back(Warning{Location{report.path}, std::move(message), "model-security"});
}

void RunCheck(const ModelCheck& check, ModelFile& file, ModelReport& report) {
  try {
    check.run(file, report);
  } catch (const std::bad_alloc&) {
    Warn(report, "out of memory while checking the file; the check was abandoned");
  } catch (const std::exception& e) {
    Warn(report, std::string("internal error while checking the file: ") + e.what());
  }
}

}  // namespace

const ModelCheck* FindModelCheck(std::string_view head, std::string_view basename) {
  for (const auto& check : Registry()) {
    if (check.claims(head, basename)) return &check;
  }
  return nullptr;
}

ModelReport ScanModelFile(const source::SourceFile& file, source::FileReader& reader,
                          const ScanModelOptions& options) {
  ModelReport report;
  report.path = file.rel_path;
  auto size = reader.Size(file);
  if (!size.ok()) {
    Warn(report, size.error().message);
    return report;
  }
  report.size = *size;
  auto head = reader.ReadRange(file, 0, kModelHeadBytes);
  if (!head.ok()) {
    Warn(report, head.error().message);
    return report;
  }
  const ModelCheck* check = FindModelCheck(*head, file.Basename());
  if (check == nullptr) return report;
  report.format = std::string(check->format);

  std::future<Result<std::string>> digest;
  bool want_digest = options.known_sha256.empty() && report.size <= options.digest_limit;
  if (want_digest && report.size >= kConcurrentDigestBytes) {
    digest = std::async(std::launch::async, [&] { return reader.Sha256(file, options.digest_limit); });
  }
  ModelFile model{file, reader, report.size, *head, options.run_files};
  RunCheck(*check, model, report);
  Result<std::string> sha = options.known_sha256.empty() ? std::string() : options.known_sha256;
  if (digest.valid()) {
    sha = digest.get();
  } else if (want_digest) {
    sha = reader.Sha256(file, options.digest_limit);
  }
  if (sha.ok()) {
    report.sha256 = *sha;
  } else {
    Warn(report, "cannot compute the digest: " + sha.error().message);
  }
  // Checks that read a stream twice (two loaders' views) may report the same thing twice.
  std::set<std::string> seen;
  std::erase_if(report.findings, [&](const Finding& f) { return !seen.insert(f.fingerprint).second; });
  for (auto& f : report.findings) {
    if (!report.sha256.empty()) f.properties["aisec:sha256"] = report.sha256;
    f.properties["aisec:format"] = report.format;
  }
  return report;
}

void LinkDeferredFiles(std::span<ModelReport> reports) {
  std::map<std::string, ModelReport*, std::less<>> by_path;
  for (auto& r : reports) by_path.emplace(NormalRunPath(r.path), &r);
  for (const auto& from : reports) {
    for (const auto& ref : from.deferred) {
      auto it = by_path.find(ref.path);
      if (it == by_path.end() || it->second == &from) continue;
      for (auto& f : it->second->findings) {
        std::string& by = f.properties["aisec:referenced-by"];
        by += (by.empty() ? "" : ", ") + from.path;
        f.evidence.push_back(Evidence{Location{from.path}, ref.snippet, EvidenceMethod::kHeader});
      }
    }
  }
}

}  // namespace aisec::assess::model
