#pragma once
// The catalog stage: turns files into inventory. A cataloger claims files by basename glob or by
// their first bytes, reads them only through the Context, and reports Components, Relations and
// located Warnings to the Sink. Catalogers never walk the tree and never read another's files.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/component.h"
#include "core/finding.h"
#include "core/result.h"
#include "source/file_reader.h"
#include "source/source_file.h"

namespace aisec::catalog {

// Collects what catalogers report for one file. Not thread-safe: one Sink per file job.
class Sink {
 public:
  void Add(Component c) { components.push_back(std::move(c)); }
  void Relate(std::string from, std::string to, RelationKind kind = RelationKind::kDependsOn) {
    relations.push_back(Relation{std::move(from), std::move(to), kind});
  }
  void Warn(Location loc, std::string message, std::string_view source) {
    warnings.push_back(Warning{std::move(loc), std::move(message), std::string(source)});
  }
  // Only for what can be judged while the file is read and must not be read again to judge
  // (a credential: keeping it in the inventory would mean keeping the secret).
  void Report(Finding f) { findings.push_back(std::move(f)); }

  std::vector<Component> components;
  std::vector<Relation> relations;
  std::vector<Warning> warnings;
  std::vector<Finding> findings;
};

// What a cataloger gets for one file.
class Context {
 public:
  Context(const source::SourceFile& file, source::FileReader& reader, Sink& sink)
      : file_(file), reader_(reader), sink_(sink) {}
  // Over text already in memory (fuzz targets, tests): Text() returns `text` and the file is
  // never read. The reader stays available for what a cataloger reads besides its own file.
  Context(const source::SourceFile& file, source::FileReader& reader, Sink& sink, std::string text)
      : file_(file), reader_(reader), sink_(sink), text_(std::in_place, std::move(text)) {}
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const source::SourceFile& file() const { return file_; }
  const std::string& path() const { return file_.rel_path; }
  source::FileReader& reader() { return reader_; }
  Sink& sink() { return sink_; }

  // The whole file as text, read once and shared by every cataloger that claims the file.
  // Fails (and the caller should warn) when unreadable or over the text-file limit.
  Result<std::string_view> Text();

  // Convenience: a warning located in this file.
  void Warn(uint32_t line, std::string message, std::string_view source) {
    sink_.Warn(Location{file_.rel_path, line, 0, 0}, std::move(message), source);
  }

 private:
  const source::SourceFile& file_;
  source::FileReader& reader_;
  Sink& sink_;
  std::optional<Result<std::string>> text_;
};

struct Cataloger {
  std::string_view name;                     // "python/requirements"
  std::span<const std::string_view> globs;   // basename globs this cataloger claims
  void (*run)(Context& ctx);
  // Optional content claim: true when the first bytes identify a format (model files).
  bool (*claims_content)(std::string_view head) = nullptr;
  // Optional path claim for what a basename glob cannot express ("**/.github/workflows/*.yml").
  bool (*claims_path)(std::string_view rel_path) = nullptr;
};

// Every cataloger, in a fixed order (src/catalog/registry.cc).
std::span<const Cataloger> Registry();

// How many bytes of each file are read for content claims.
inline constexpr size_t kHeadBytes = 64;

}  // namespace aisec::catalog
